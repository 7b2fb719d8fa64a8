-- Seedkit example schema, part 3 of 4: course content trees and projects.

create type element_kind as enum ('course', 'module', 'lesson', 'section', 'block', 'quiz');
create type member_role as enum ('owner', 'maintainer', 'contributor', 'viewer');
-- One label contains a space, which exporters and loaders must quote.
create type task_status as enum ('todo', 'in progress', 'blocked', 'done');

-- courses: published by instructors. root_element_id is the top of the course's element tree and, with
-- elements.course_id, forms the schema's second cycle. Both sides are NOT NULL, so this one can only be
-- loaded because the courses side is DEFERRABLE INITIALLY DEFERRED (constraint added below, once elements
-- exists): both rows are inserted in one transaction and checked at commit.
create table courses (
    id              serial primary key,
    instructor_id   integer not null references instructors,
    root_element_id bigint not null,
    title           text not null,
    price           numeric(12,2) not null,
    published_on    date
);
create index courses_instructor_id_idx on courses (instructor_id);

-- elements: a tree (parent_id self-reference) at least five levels deep per course: course > module > lesson >
-- section > block/quiz. "order" is a column named with a reserved word. body holds awkward text in a few rows.
create table elements (
    id         bigserial primary key,
    course_id  integer not null references courses,
    parent_id  bigint references elements,
    kind       element_kind not null,
    "order"    integer not null,
    title      text not null,
    body       text,
    attributes jsonb
);
create index elements_course_id_idx on elements (course_id);
create index elements_parent_id_idx on elements (parent_id);

alter table courses
    add constraint courses_root_element_id_fkey foreign key (root_element_id) references elements
        deferrable initially deferred;

-- projects: internal projects with sub-projects (parent_project_id self-reference, nullable).
create table projects (
    id                serial primary key,
    parent_project_id integer references projects,
    owner_id          bigint not null references users,
    name              text not null,
    budget            numeric(12,2),
    labels            text[] not null default '{}',
    starts_on         date not null
);
create index projects_parent_project_id_idx on projects (parent_project_id);
create index projects_owner_id_idx on projects (owner_id);

-- project_members: junction with a composite primary key (project_id, user_id) that is itself the target of a
-- composite foreign key.
create table project_members (
    project_id integer not null references projects,
    user_id    bigint not null references users,
    role       member_role not null,
    joined_at  timestamptz not null,
    primary key (project_id, user_id)
);
create index project_members_user_id_idx on project_members (user_id);

-- project_tasks: (project_id, assignee_id) is a COMPOSITE foreign key to project_members, partly nullable:
-- unassigned tasks have assignee_id NULL, and with MATCH SIMPLE the constraint then does not apply, while
-- project_id alone still references projects.
create table project_tasks (
    id             bigserial primary key,
    project_id     integer not null references projects,
    assignee_id    bigint,
    title          text not null,
    status         task_status not null,
    estimate_hours numeric(6,1),
    due_on         date,
    constraint project_tasks_assignee_fkey foreign key (project_id, assignee_id)
        references project_members (project_id, user_id)
);
create index project_tasks_project_id_assignee_id_idx on project_tasks (project_id, assignee_id);
