-- Seedkit example schema, part 2 of 4: purchases, payouts and trading accounts.

create type purchase_status as enum ('pending', 'paid', 'refunded', 'chargeback');
create type payout_status as enum ('requested', 'approved', 'paid', 'rejected');
create type trading_platform as enum ('mt4', 'mt5', 'ctrader', 'dxtrade', 'match_trader');
create type account_phase as enum ('evaluation', 'verification', 'funded', 'closed');
create type breach_kind as enum ('daily_loss', 'max_drawdown', 'news_trading', 'weekend_holding', 'copy_trading');

-- discount_codes: referenced by purchases through its unique, non-primary-key column "code" (text), not by id.
-- description is '' in some rows and NULL in others.
create table discount_codes (
    id          serial primary key,
    code        text not null unique,
    description text,
    percent_off numeric(5,2) not null check (percent_off > 0 and percent_off <= 100),
    valid_until date,
    max_uses    integer
);

-- purchases: a uuid key; user_id -> users; discount_code -> discount_codes(code), nullable; a GENERATED
-- amount_with_tax column computed from two numeric(12,2)-style money columns.
create table purchases (
    id              uuid primary key default gen_random_uuid(),
    user_id         bigint not null references users,
    discount_code   text references discount_codes (code),
    amount          numeric(12,2) not null,
    tax_rate        numeric(5,4) not null default 0,
    amount_with_tax numeric(12,2) generated always as (round(amount * (1 + tax_rate), 2)) stored,
    currency        char(3) not null default 'USD',
    status          purchase_status not null,
    purchased_at    timestamptz not null
);
create index purchases_user_id_idx on purchases (user_id);
create index purchases_discount_code_idx on purchases (discount_code);

-- payout_requests: a plain child of users (bigserial key), with a nullable timestamptz and free-text notes.
create table payout_requests (
    id           bigserial primary key,
    user_id      bigint not null references users,
    amount       numeric(12,2) not null,
    status       payout_status not null,
    note         text,
    requested_at timestamptz not null,
    processed_at timestamptz
);
create index payout_requests_user_id_idx on payout_requests (user_id);

-- platform_groups: a small lookup table with a smallserial key and jsonb settings.
create table platform_groups (
    id       smallserial primary key,
    name     text not null unique,
    platform trading_platform not null,
    server   text not null,
    settings jsonb not null default '{}'
);

-- trading_accounts: the key is an identity column GENERATED ALWAYS, so a loader inserting explicit ids needs
-- OVERRIDING SYSTEM VALUE and must move the identity past them afterwards. Three parents: users, purchases
-- (nullable: free trials have none) and platform_groups. allowed_platforms is an array of enum values.
create table trading_accounts (
    id                bigint generated always as identity primary key,
    user_id           bigint not null references users,
    purchase_id       uuid references purchases,
    platform_group_id smallint not null references platform_groups,
    login             text not null unique,
    phase             account_phase not null,
    allowed_platforms trading_platform[] not null default '{}',
    starting_balance  numeric(12,2) not null,
    is_active         boolean not null,
    opened_at         timestamptz not null
);
create index trading_accounts_user_id_idx on trading_accounts (user_id);
create index trading_accounts_purchase_id_idx on trading_accounts (purchase_id);

-- account_stats: one-to-one with trading_accounts, the primary key is also the foreign key. Accounts that never
-- traded have no row.
create table account_stats (
    account_id   bigint primary key references trading_accounts,
    equity       numeric(12,2) not null,
    max_drawdown numeric(5,2) not null,
    trades_count integer not null,
    best_day     date,
    updated_at   timestamptz not null
);

-- breach_activities: a uuid-keyed child of trading_accounts with a nullable jsonb column.
create table breach_activities (
    id          uuid primary key default gen_random_uuid(),
    account_id  bigint not null references trading_accounts,
    kind        breach_kind not null,
    details     jsonb,
    occurred_at timestamptz not null
);
create index breach_activities_account_id_idx on breach_activities (account_id);

-- platform_events: the biggest table (about ten events per account), a bigserial key and a jsonb payload of
-- every JSON shape (objects, arrays, strings, JSON null and SQL NULL).
--
-- correlation_purchase_id is the schema's one VIRTUAL foreign key: it holds the id of the purchase that funded
-- the account, but there is deliberately no constraint (events are written by another service that cannot see
-- purchases). Seedkit learns about it only when it is declared as a virtual foreign key; every non-NULL value
-- resolves to a row of purchases.
create table platform_events (
    id                      bigserial primary key,
    account_id              bigint not null references trading_accounts,
    event_type              text not null,
    payload                 jsonb,
    correlation_purchase_id uuid,
    created_at              timestamptz not null
);
create index platform_events_account_id_idx on platform_events (account_id);
create index platform_events_correlation_purchase_id_idx on platform_events (correlation_purchase_id);
comment on column platform_events.correlation_purchase_id is
    'Virtual foreign key to purchases(id): always resolves, but is not declared as a constraint.';

-- challenge_settings: rules per platform group and phase, optionally overridden for a single account, so
-- account_id is a nullable foreign key next to a mandatory one.
create table challenge_settings (
    id                serial primary key,
    platform_group_id smallint not null references platform_groups,
    account_id        bigint references trading_accounts,
    phase             account_phase not null,
    profit_target     numeric(5,2) not null,
    max_daily_loss    numeric(5,2) not null,
    rules             jsonb not null
);
create index challenge_settings_account_id_idx on challenge_settings (account_id);
