-- Seedkit example schema, part 4 of 4: the audit trail, in a second schema.
--
-- Tables outside "public" make sure snapshots keep schema-qualified names, and foreign keys from audit to
-- public cross schemas.

create schema audit;

-- An enum living in the audit schema: its type name must be schema-qualified too.
create type audit.change_action as enum ('insert', 'update', 'delete');

-- audit.login_events: an append-only log with NO primary key. It even holds a few exact duplicate rows (events
-- logged twice), which only a key-less table can. user_id is NULL for attempts with an unknown e-mail address.
create table audit.login_events (
    user_id     bigint references public.users,
    email       text not null,
    succeeded   boolean not null,
    ip_address  inet,
    user_agent  text,
    occurred_at timestamptz not null
);
create index login_events_user_id_idx on audit.login_events (user_id);

-- audit.record_changes: a change log. "table" is a column named with a reserved word. row_key is free text
-- naming a row of that table; it is polymorphic and not a reference Seedkit follows.
create table audit.record_changes (
    id         bigserial primary key,
    "table"    text not null,
    row_key    text not null,
    action     audit.change_action not null,
    changed_by bigint references public.users,
    changed_at timestamptz not null,
    diff       jsonb
);
create index record_changes_changed_by_idx on audit.record_changes (changed_by);
