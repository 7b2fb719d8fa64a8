-- Demo data, step 2 of 5: roles, permissions, users, instructors and the audit logs about them.

insert into roles (id, name, description)
values (1, 'admin', 'Full access to everything'),
       (2, 'support', 'Helps users, reads most data'),
       (3, 'trader', 'Trades on funded and challenge accounts'),
       (4, 'instructor', 'Publishes courses'),
       (5, 'student', 'Takes courses'),
       (6, 'finance', 'Approves payouts'),
       (7, 'auditor', 'Reads the audit trail'),
       (8, 'read only', null);

-- Every resource with every action: 8 x 3 = 24 permissions.
insert into permissions (id, code, description)
select (r.i - 1) * 3 + a.i, r.name || '.' || a.name, initcap(a.name) || ' ' || replace(r.name, '_', ' ')
from unnest(array['users', 'roles', 'purchases', 'payouts', 'accounts', 'events', 'courses', 'projects'])
         with ordinality as r(name, i)
     cross join unnest(array['read', 'write', 'delete']) with ordinality as a(name, i);

-- The admin has every permission, every other role about 40% of them.
insert into role_permissions (role_id, permission_id)
select r.id, p.id
from roles r cross join permissions p
where r.name = 'admin' or pg_temp.chance('role_permissions', r.id * 1000 + p.id, 40);

-- Users, oldest first. The first ten were created by nobody; after that 85% were created by an earlier user,
-- which forms chains (a user created by a user created by a user...). Every 50th user has an awkward bio.
insert into users (id, email, first_name, last_name, status, is_verified, birth_date, bio, tags, preferences,
                   created_by, created_at)
select n,
       'user' || n || '@example.com',
       (array['Ada', 'Grace', 'Linus', 'Margaret', 'Alan', 'Barbara', 'Edsger', 'Frances', 'Ken', 'Radia',
              'Dennis', 'Hedy', 'Tim', 'Katherine', 'Guido', 'Anita', 'Zoë', 'José', 'Łukasz', 'Søren',
              'Nguyễn', 'Aiko', 'Siobhán', 'Chloé'])[pg_temp.pick('users.first_name', n, 24)],
       (array['Lovelace', 'Hopper', 'Torvalds', 'Hamilton', 'Turing', 'Liskov', 'Dijkstra', 'Allen', 'Thompson',
              'Perlman', 'Ritchie', 'Lamarr', 'Berners-Lee', 'Johnson', 'van Rossum', 'Borg', 'O''Brien',
              'Müller', 'Kowalski', 'Kierkegaard', 'Tanaka', 'García', 'Ng', 'D''Angelo'])[pg_temp.pick('users.last_name', n, 24)],
       (array['pending', 'active', 'active', 'active', 'active', 'active', 'active', 'suspended', 'deleted']
           ::user_status[])[pg_temp.pick('users.status', n, 9)],
       pg_temp.chance('users.is_verified', n, 70),
       case when pg_temp.chance('users.birth_date_known', n, 80)
            then date '1955-01-01' + (pg_temp.rnd('users.birth_date', n) % 18000)::integer end,
       case when n % 50 = 0 then pg_temp.awkward_text(n / 50)
            when pg_temp.chance('users.has_bio', n, 40)
            then 'Trading since ' || (2005 + pg_temp.rnd('users.bio', n) % 20) || ', mostly '
                 || (array['forex', 'indices', 'gold', 'crypto', 'futures'])[pg_temp.pick('users.market', n, 5)] end,
       case pg_temp.rnd('users.tags', n) % 8
            when 0 then null
            when 1 then '{}'
            when 2 then array['vip']
            when 3 then array['beta', 'early adopter']
            when 4 then array['newsletter', 'vip', 'beta']
            when 5 then case when n % 5 = 0 then array['has "quotes", commas', null, '{braces}', '']
                             else array['affiliate'] end
            else array['newsletter'] end,
       jsonb_build_object(
           'theme', (array['light', 'dark', 'system'])[pg_temp.pick('users.theme', n, 3)],
           'locale', (array['en', 'de', 'pt-BR', 'ja', 'ar'])[pg_temp.pick('users.locale', n, 5)],
           'notifications', jsonb_build_object('email', pg_temp.chance('users.email_notes', n, 80),
                                               'sms', pg_temp.chance('users.sms_notes', n, 20)))
         || case when n % 50 = 25 then jsonb_build_object('signature', pg_temp.awkward_text(n / 50))
                 else '{}' end,
       case when n > 10 and pg_temp.chance('users.has_creator', n, 85)
            then pg_temp.pick('users.created_by', n, n - 1) end,
       to_timestamp(1577836800 + n * 126144000 / s.users)
from demo_size s cross join generate_series(1, s.users) n;

-- One user in fifty becomes an instructor, chosen by hash, so instructor ids are unrelated to user ids.
insert into instructors (id, user_id, headline, hourly_rate, languages, hired_on)
select i,
       user_id,
       (array['Price action for beginners', 'Risk first, profit second', 'Macro and news trading',
              'Scalping the open', 'Options without tears', 'Swing trading indices'])[pg_temp.pick('instructors.headline', i, 6)],
       case when pg_temp.chance('instructors.paid', i, 75) then pg_temp.amount('instructors.rate', i, 40, 400) end,
       string_to_array((array['en', 'en,de', 'es', 'pt,en', 'ja', 'fr,en'])[pg_temp.pick('instructors.languages', i, 6)], ','),
       date '2019-01-01' + (pg_temp.rnd('instructors.hired_on', i) % 2000)::integer
from (select row_number() over (order by pg_temp.rnd('instructors.user', u.id), u.id) as i, u.id as user_id
      from users u
      order by pg_temp.rnd('instructors.user', u.id), u.id
      limit (select instructors from demo_size)) picked;

-- The users <-> instructors cycle, closed after both sides exist: the NULL-then-UPDATE order a loader needs.
-- Instructors are coached too: every fifth one by themselves (a user and an instructor referencing each
-- other), the others by the next instructor, so the instructors' users form one long ring.
update users u
set instructor_id = case when i.id % 5 = 0 then i.id else i.id % s.instructors + 1 end
from instructors i cross join demo_size s
where i.user_id = u.id;

-- 30% of the other users have a coach.
update users u
set instructor_id = pg_temp.pick('users.instructor_id', u.id, s.instructors)
from demo_size s
where u.instructor_id is null
  and pg_temp.chance('users.coached', u.id, 30)
  and not exists (select from instructors i where i.user_id = u.id);

-- Every user has one role, 40% a second one, instructors the instructor role; roles are granted by whoever
-- created the user (NULL for self sign-ups).
insert into user_roles (user_id, role_id, granted_by, granted_at)
select u.id, (array[3, 3, 3, 3, 5, 5, 5, 2, 6, 7, 8, 1])[pg_temp.pick('user_roles.first', u.id, 12)],
       u.created_by, u.created_at
from users u;

insert into user_roles (user_id, role_id, granted_by, granted_at)
select u.id, (array[3, 5, 5, 2, 6, 7])[pg_temp.pick('user_roles.second', u.id, 6)],
       u.created_by, u.created_at + interval '30 days'
from users u
where pg_temp.chance('user_roles.has_second', u.id, 40)
on conflict do nothing;

insert into user_roles (user_id, role_id, granted_by, granted_at)
select i.user_id, 4, null, i.hired_on::timestamp at time zone 'UTC'
from instructors i
on conflict do nothing;

-- Three login attempts per user; 5% for unknown e-mail addresses (user_id NULL). Every 250th attempt was
-- logged twice: exact duplicate rows in a table without a primary key.
insert into audit.login_events (user_id, email, succeeded, ip_address, user_agent, occurred_at)
select l.user_id,
       coalesce('user' || l.user_id || '@example.com', 'unknown' || l.n || '@example.net'),
       l.user_id is not null and pg_temp.chance('logins.succeeded', l.n, 90),
       case when l.n % 10 = 0 then ('2001:db8::' || to_hex(l.n >> 16) || ':' || to_hex(l.n & 65535))::inet
            when l.n % 97 = 0 then null
            else ('10.' || pg_temp.rnd('logins.ip', l.n) % 256 || '.' || (l.n / 256) % 256 || '.' || l.n % 256)::inet end,
       case when l.n % 101 = 0 then pg_temp.awkward_text(l.n / 101)
            else (array['Mozilla/5.0 (Windows NT 10.0; Win64; x64)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4)',
                        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)', 'okhttp/4.12.0',
                        'MetaTrader 5 Terminal/4000'])[pg_temp.pick('logins.agent', l.n, 5)] end,
       pg_temp.moment('logins.at', l.n)
from (select n, case when not pg_temp.chance('logins.unknown', n, 5)
                     then pg_temp.pick('logins.user_id', n, s.users) end as user_id
      from demo_size s cross join generate_series(1, s.logins) n) l
     cross join lateral generate_series(1, case when l.n % 250 = 0 then 2 else 1 end) copy;
