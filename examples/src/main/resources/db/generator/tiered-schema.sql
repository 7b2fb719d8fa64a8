-- The schema of the generator's worked example (docs/generator.md, config: tiered.yaml): accounts in tiers, their
-- locations, devices per location, users per account and subscriptions per user.
create table accounts (
    id         bigserial primary key,
    name       text not null,
    tier       text not null check (tier in ('small', 'medium', 'large', 'enterprise')),
    created_at timestamptz not null
);
create table locations (
    id         bigserial primary key,
    account_id bigint not null references accounts,
    city       text not null,
    opened_on  date not null
);
create table devices (
    id           uuid primary key,
    location_id  bigint not null references locations,
    serial       text not null unique,
    kind         text not null check (kind in ('sensor', 'gateway', 'camera')),
    installed_at timestamptz not null
);
create table users (
    id         bigserial primary key,
    account_id bigint not null references accounts,
    email      text not null unique,
    full_name  text not null,
    role       text not null check (role in ('admin', 'member')),
    created_at timestamptz not null,
    updated_at timestamptz not null,
    check (updated_at >= created_at)
);
create table subscriptions (
    id         bigserial primary key,
    user_id    bigint not null references users,
    product    text not null,
    price      numeric(8, 2) not null check (price > 0),
    started_on date not null
);
