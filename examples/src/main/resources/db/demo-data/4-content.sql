-- Demo data, step 4 of 5: courses with their element trees, projects with members and tasks, and the change log.

-- Each course has 16 to 63 elements, numbered 1..size within the course and stored as base + number. Element k's
-- parent is element k / 2 (a binary heap), so a course of 16 or more elements is at least five levels deep.
create temp table course_layout on commit drop as
select course_id, size, (sum(size) over (order by course_id) - size)::bigint as base
from (select c as course_id, 16 + pg_temp.rnd('courses.size', c) % 48 as size
      from demo_size cross join generate_series(1, courses) c) sized;

-- Courses first, in the order a loader needs: their root_element_id references elements that do not exist yet,
-- which the deferred constraint allows until commit, while elements.course_id is checked at once. (During this
-- fill the foreign keys are set aside anyway, see step 1, and checked when step 5 recreates them.)
insert into courses (id, instructor_id, root_element_id, title, price, published_on)
select l.course_id,
       pg_temp.pick('courses.instructor_id', l.course_id, s.instructors),
       l.base + 1,
       (array['Forex', 'Risk management', 'Indices', 'Trading psychology', 'Crypto', 'Options'])[pg_temp.pick('courses.topic', l.course_id, 6)]
         || ' ' || (array['101', 'masterclass', 'bootcamp', 'for busy people', 'deep dive'])[pg_temp.pick('courses.kind', l.course_id, 5)],
       case when pg_temp.chance('courses.free', l.course_id, 20) then 0
            else pg_temp.amount('courses.price', l.course_id, 20, 500) end,
       case when pg_temp.chance('courses.published', l.course_id, 85)
            then date '2022-01-01' + (pg_temp.rnd('courses.published_on', l.course_id) % 1400)::integer end
from course_layout l cross join demo_size s;

insert into elements (id, course_id, parent_id, kind, "order", title, body, attributes)
select e.id,
       e.course_id,
       e.parent_id,
       e.kind,
       e."order",
       initcap(e.kind::text) || ' ' || e.number,
       case when e.id % 37 = 0 then pg_temp.awkward_text(e.id / 37)
            when e.depth >= 4 then 'Read the chart, set the stop, size the position. Step ' || e.number || '.' end,
       case e.kind
            when 'block' then jsonb_build_object('duration_minutes', 1 + pg_temp.rnd('elements.minutes', e.id) % 30,
                                                 'video', pg_temp.chance('elements.video', e.id, 40))
            when 'quiz' then jsonb_build_object('questions', 3 + pg_temp.rnd('elements.questions', e.id) % 10,
                                                'pass_mark', 0.8)
            end
from (select l.base + k as id,
             l.course_id,
             case when k > 1 then l.base + k / 2 end as parent_id,
             case when k = 1 then 1 else 1 + k % 2 end as "order",
             k as number,
             depth,
             case depth when 1 then 'course' when 2 then 'module' when 3 then 'lesson' when 4 then 'section'
                 else case when pg_temp.chance('elements.quiz', l.base + k, 15) then 'quiz' else 'block' end
                 end::element_kind as kind
      from course_layout l
           cross join generate_series(1, l.size) k
           cross join lateral (select length(ltrim(k::bit(32)::text, '0')) as depth) d) e;

-- Projects and sub-projects: 40% of the projects after the fifth belong to an earlier one.
-- Member number slot (0 = the owner) of a project is a user chosen by hash, spaced so that the members of one
-- project are always different users; tasks find their assignees with the same function.
create or replace function pg_temp.project_size(project bigint) returns bigint
    language sql immutable parallel safe
    as $$ select 2 + pg_temp.rnd('projects.size', project) % 5 $$;

create or replace function pg_temp.project_member(project bigint, slot bigint, users bigint) returns bigint
    language sql immutable parallel safe
    as $$ select 1 + (pg_temp.rnd('projects.owner', project) + slot * greatest(1, users / 6)) % users $$;

insert into projects (id, parent_project_id, owner_id, name, budget, labels, starts_on)
select n,
       case when n > 5 and pg_temp.chance('projects.has_parent', n, 40) then pg_temp.pick('projects.parent', n, n - 1) end,
       pg_temp.project_member(n, 0, s.users),
       (array['Onboarding revamp', 'Risk engine', 'Mobile app', 'Payout automation', 'Course studio',
              'Data warehouse', 'KYC vendor switch', 'Website'])[pg_temp.pick('projects.name', n, 8)] || ' ' || n,
       case when pg_temp.chance('projects.budgeted', n, 70) then pg_temp.amount('projects.budget', n, 1000, 250000) end,
       case when n % 50 = 0 then array[pg_temp.awkward_text(n / 50), 'plain']
            else (array['{}', '{q1}', '{q2,urgent}', '{infra,security,q3}', '{backlog}']::text[])[pg_temp.pick('projects.labels', n, 5)]::text[] end,
       date '2023-01-01' + (pg_temp.rnd('projects.starts_on', n) % 900)::integer
from demo_size s cross join generate_series(1, s.projects) n;

insert into project_members (project_id, user_id, role, joined_at)
select p.id,
       pg_temp.project_member(p.id, slot, s.users),
       case when slot = 0 then 'owner'
            else (array['maintainer', 'contributor', 'contributor', 'viewer']::member_role[])[pg_temp.pick('members.role', p.id * 10 + slot, 4)] end,
       (p.starts_on + slot::integer * 3)::timestamp at time zone 'UTC'
from projects p
     cross join demo_size s
     cross join generate_series(0, pg_temp.project_size(p.id) - 1) slot;

-- A quarter of the tasks are unassigned: assignee_id NULL, so the composite foreign key does not apply.
insert into project_tasks (id, project_id, assignee_id, title, status, estimate_hours, due_on)
select t.n,
       t.project_id,
       case when pg_temp.chance('tasks.assigned', t.n, 75)
            then pg_temp.project_member(t.project_id, pg_temp.rnd('tasks.assignee', t.n) % pg_temp.project_size(t.project_id), s.users) end,
       (array['Write tests', 'Fix flaky import', 'Review pull request', 'Update docs', 'Migrate to v2',
              'Call the vendor'])[pg_temp.pick('tasks.title', t.n, 6)] || ' #' || t.n,
       (array['todo', 'todo', 'in progress', 'blocked', 'done', 'done']::task_status[])[pg_temp.pick('tasks.status', t.n, 6)],
       case when pg_temp.chance('tasks.estimated', t.n, 60) then (1 + pg_temp.rnd('tasks.estimate', t.n) % 400) / 10.0 end,
       case when pg_temp.chance('tasks.due', t.n, 50) then date '2024-01-01' + (pg_temp.rnd('tasks.due_on', t.n) % 700)::integer end
from (select n, pg_temp.pick('tasks.project_id', n, projects) as project_id
      from demo_size cross join generate_series(1, tasks) n) t
     cross join demo_size s;

-- The change log names rows of other tables in free text (row_key); 20% of the changes were made by the system
-- (changed_by NULL).
insert into audit.record_changes (id, "table", row_key, action, changed_by, changed_at, diff)
select c.n,
       c.table_name,
       case c.table_name
            when 'users' then pg_temp.pick('changes.key', c.n, s.users)::text
            when 'purchases' then pg_temp.uuid_of('purchases', pg_temp.pick('changes.key', c.n, s.purchases))::text
            when 'trading_accounts' then pg_temp.pick('changes.key', c.n, s.accounts)::text
            else pg_temp.pick('changes.key', c.n, s.projects)::text end,
       c.action,
       case when pg_temp.chance('changes.by_person', c.n, 80) then pg_temp.pick('changes.changed_by', c.n, s.users) end,
       pg_temp.moment('changes.at', c.n),
       case c.action
            when 'insert' then jsonb_build_object('after', jsonb_build_object('status', 'active'))
            when 'update' then jsonb_build_object('before', jsonb_build_object('status', 'active'),
                                                  'after', jsonb_build_object('status', 'suspended', 'note', pg_temp.awkward_text(c.n)))
            end
from (select n,
             (array['users', 'purchases', 'trading_accounts', 'projects'])[pg_temp.pick('changes.table', n, 4)] as table_name,
             (array['insert', 'update', 'update', 'update', 'delete']::audit.change_action[])[pg_temp.pick('changes.action', n, 5)] as action
      from demo_size cross join generate_series(1, changes) n) c
     cross join demo_size s;
