-- Demo data, step 1 of 5: deterministic randomness, the size of every table, and bulk-load order.
--
-- DemoDatabase runs steps 1 to 5 in one transaction after the migrations, replacing ${seed} and ${scale} first.
-- Every "random" choice is a hash of the seed, a stream name and a row number, never random(): the same seed
-- and scale give the same data, on any PostgreSQL from 15 on. hashint8extended is the hash PostgreSQL's hash
-- partitioning uses, which must not change between versions, and it hashes the number arithmetically rather
-- than its bytes; the stream's salt comes from md5 and is folded to a constant when a query is planned, so a
-- value costs about 0.1 microseconds (md5 per row would cost ten times more).
-- Helpers live in pg_temp: they vanish with the session and never appear in a snapshot.

-- The statements below look expensive to the planner but run in milliseconds at small scales, where compiling
-- them with JIT (on by default where PostgreSQL is built with LLVM) would take longer than running them.
set local jit = off;

-- A uniformly distributed number in [0, 2^31) for row n of the given stream.
create or replace function pg_temp.rnd(stream text, n bigint) returns bigint
    language sql immutable parallel safe
    as $$ select hashint8extended(n, ('x' || substr(md5('${seed}:' || stream), 1, 15))::bit(60)::bigint) & 2147483647 $$;

-- A number in [1, count]: which parent row to reference, which array element to take.
create or replace function pg_temp.pick(stream text, n bigint, count bigint) returns bigint
    language sql immutable parallel safe
    as $$ select 1 + pg_temp.rnd(stream, n) % count $$;

-- True for about percent% of the rows.
create or replace function pg_temp.chance(stream text, n bigint, percent integer) returns boolean
    language sql immutable parallel safe
    as $$ select pg_temp.rnd(stream, n) % 100 < percent $$;

-- A moment in 2024 or 2025 (whole seconds).
create or replace function pg_temp.moment(stream text, n bigint) returns timestamptz
    language sql immutable parallel safe
    as $$ select to_timestamp(1704067200 + pg_temp.rnd(stream, n) % 63072000) $$;

-- An amount of money in [low, high) with cents.
create or replace function pg_temp.amount(stream text, n bigint, low integer, high integer) returns numeric
    language sql immutable parallel safe
    as $$ select round((low * 100 + pg_temp.rnd(stream, n) % ((high - low) * 100)) / 100.0, 2) $$;

-- A uuid for row n of the given stream: purchases and breaches get their keys this way, and children find
-- their parent's key by calling it with the parent's row number.
create or replace function pg_temp.uuid_of(stream text, n bigint) returns uuid
    language sql immutable parallel safe
    as $$ select md5('${seed}:' || stream || ':' || n::text)::uuid $$;

-- The i-th of the awkward values every exporter and loader must round-trip, cycling through all of them.
create or replace function pg_temp.awkward_text(i bigint) returns text
    language sql immutable parallel safe
    as $$ select (array[
        '',                                      -- the empty string, which is not NULL
        null,                                    -- NULL, which is not the empty string
        E'tab\tseparated\tvalue',
        E'first line\nsecond line',
        E'windows line\r\nending',
        E'back\\slash in C:\\temp\\new',
        E'\\N',                                  -- how COPY writes NULL, here as two real characters
        'NULL',
        'it''s "quoted"',
        '🚀 emoji, 👩‍💻 and ünïcödé — 中文',
        '  leading and trailing spaces  ',
        '{"looks": "like json", "but": "is text"}',
        E'\\t is a backslash and a t, not a tab',
        'a,b;c|d'
    ])[1 + i % 14] $$;

-- How many rows each generated table gets. ${scale} is the number of users; the rest is proportional, with a
-- floor so that even tiny scales fill every table. Tables not listed here are either fixed lookup tables
-- (roles, permissions, platform_groups) or derived from their parents (see the later steps).
create temp table demo_size on commit drop as
select users,
       greatest(5, users / 50)          as instructors,
       greatest(10, users / 50)         as discount_codes,
       users * 3 / 2                    as purchases,
       greatest(1, users / 4)           as payout_requests,
       users * 2                        as accounts,
       greatest(1, users / 2)           as breaches,
       users * 20                       as events,
       greatest(1, users / 50)          as account_overrides,
       greatest(2, users / 25)          as courses,
       greatest(3, users / 20)          as projects,
       greatest(1, users / 2)           as tasks,
       users * 3                        as logins,
       greatest(1, users / 2)           as changes
from (select ${scale}::bigint as users) scale;
analyze demo_size;

-- Bulk-load order, as pg_restore does it: set the foreign keys and secondary indexes of the demo schemas aside
-- now and recreate them in step 5, once the data is in. Checking each of a million rows against its parents as
-- it is inserted costs more than half of the load; recreating a foreign key checks the whole table with one
-- join, so every constraint is still verified before commit. Primary keys and unique constraints stay, so
-- duplicates still fail at once.
create temp table demo_set_aside on commit drop as
select 1 as phase, c.conname as name, format('alter table %s drop constraint %I', c.conrelid::regclass, c.conname) as drop_ddl,
       format('alter table %s add constraint %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) as create_ddl
from pg_constraint c
where c.contype = 'f' and c.connamespace::regnamespace::text in ('public', 'audit')
union all
select 0, i.indexrelid::regclass::text, format('drop index %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
from pg_index i
     join pg_class t on t.oid = i.indrelid
where t.relnamespace::regnamespace::text in ('public', 'audit')
  and not exists (select from pg_constraint c where c.conindid = i.indexrelid and c.contype in ('p', 'u', 'x'));

do $$
declare
    ddl text;
begin
    for ddl in select drop_ddl from demo_set_aside order by phase desc, name loop
        execute ddl;
    end loop;
end
$$;
