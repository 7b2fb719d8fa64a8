-- Demo data, step 3 of 5: discount codes, purchases, payouts and trading accounts with their events.

-- Codes are unique by construction (they end in their id); every 97th is lower case with spaces and an
-- ampersand, to be awkward as a key. Descriptions are '' in some rows and NULL in others.
insert into discount_codes (id, code, description, percent_off, valid_until, max_uses)
select n,
       case when n % 97 = 0 then 'friends & family ' || n
            else (array['WELCOME', 'SPRING', 'SUMMER', 'BLACKFRIDAY', 'LOYAL', 'FLASH', 'VIP', 'TRADER'])
                     [pg_temp.pick('discount_codes.prefix', n, 8)] || '-' || n end,
       case n % 7 when 0 then '' when 1 then null else 'Campaign ' || n end,
       (array[5, 10, 15, 20, 25, 50, 100])[pg_temp.pick('discount_codes.percent_off', n, 7)],
       case when pg_temp.chance('discount_codes.expires', n, 70)
            then date '2024-01-01' + (pg_temp.rnd('discount_codes.valid_until', n) % 900)::integer end,
       case when pg_temp.chance('discount_codes.limited', n, 50)
            then 100 * pg_temp.pick('discount_codes.max_uses', n, 10)::integer end
from demo_size s cross join generate_series(1, s.discount_codes) n;

-- 1.5 purchases per user; 30% use a discount code, referenced by its code, not its id.
insert into purchases (id, user_id, discount_code, amount, tax_rate, currency, status, purchased_at)
select pg_temp.uuid_of('purchases', n),
       pg_temp.pick('purchases.user_id', n, s.users),
       d.code,
       round((array[49.00, 99.00, 155.50, 299.99, 549.00, 1080.00])[pg_temp.pick('purchases.price', n, 6)]
             * (1 - coalesce(d.percent_off, 0) / 100), 2),
       (array[0, 0.07, 0.19, 0.2, 0.21])[pg_temp.pick('purchases.tax_rate', n, 5)],
       (array['USD', 'USD', 'EUR', 'GBP'])[pg_temp.pick('purchases.currency', n, 4)],
       (array['paid', 'paid', 'paid', 'paid', 'paid', 'paid', 'pending', 'refunded', 'chargeback']::purchase_status[])
           [pg_temp.pick('purchases.status', n, 9)],
       pg_temp.moment('purchases.at', n)
from demo_size s
     cross join generate_series(1, s.purchases) n
     left join discount_codes d
            on d.id = case when pg_temp.chance('purchases.discounted', n, 30)
                           then pg_temp.pick('purchases.discount_code', n, s.discount_codes) end;

insert into payout_requests (id, user_id, amount, status, note, requested_at, processed_at)
select n, pg_temp.pick('payouts.user_id', n, s.users), pg_temp.amount('payouts.amount', n, 100, 20000),
       status,
       case when n % 40 = 0 then pg_temp.awkward_text(n / 40)
            when status = 'rejected' then 'Rejected: ' || (array['KYC incomplete', 'breach under review',
                                                                  'duplicate request'])[pg_temp.pick('payouts.reason', n, 3)] end,
       requested_at,
       case when status <> 'requested' then requested_at + (pg_temp.rnd('payouts.delay', n) % 600000) * interval '1 second' end
from (select n, pg_temp.moment('payouts.at', n) as requested_at,
             (array['requested', 'approved', 'paid', 'paid', 'paid', 'rejected']::payout_status[])
                 [pg_temp.pick('payouts.status', n, 6)] as status
      from demo_size cross join generate_series(1, payout_requests) n) p
     cross join demo_size s;

-- Eight server groups. Real MetaTrader group names contain backslashes.
insert into platform_groups (id, name, platform, server, settings)
values (1, 'challenge\mt5\usd', 'mt5', 'mt5-eu-01.trade.example.com', '{"leverage": 100, "currency": "USD", "hedging": true}'),
       (2, 'challenge\mt5\eur', 'mt5', 'mt5-eu-01.trade.example.com', '{"leverage": 100, "currency": "EUR", "hedging": true}'),
       (3, 'challenge\mt4\usd', 'mt4', 'mt4-us-02.trade.example.com', '{"leverage": 50, "currency": "USD", "hedging": false}'),
       (4, 'funded\mt5\usd', 'mt5', 'mt5-eu-02.trade.example.com', '{"leverage": 30, "currency": "USD", "symbols": ["EURUSD", "XAUUSD", "US30"]}'),
       (5, 'ctrader-swing', 'ctrader', 'ctrader-01.trade.example.com', '{"leverage": 20, "currency": "USD", "weekend_holding": true}'),
       (6, 'dx-standard', 'dxtrade', 'dx-01.trade.example.com', '{"leverage": 50, "currency": "GBP", "commission": {"per_lot": 3.5}}'),
       (7, 'match-crypto', 'match_trader', 'mt-crypto.trade.example.com', '{"leverage": 2, "currency": "USDT", "symbols": []}'),
       (8, 'legacy', 'mt4', 'mt4-legacy.trade.example.com', '{}');

-- Two accounts per user. 80% were bought with a purchase and belong to its buyer; the rest are free trials of a
-- user chosen by hash. Explicit ids into a GENERATED ALWAYS identity need OVERRIDING SYSTEM VALUE.
insert into trading_accounts (id, user_id, purchase_id, platform_group_id, login, phase, allowed_platforms,
                              starting_balance, is_active, opened_at)
overriding system value
select a.n,
       coalesce(p.user_id, pg_temp.pick('accounts.user_id', a.n, s.users)),
       p.id,
       g.id,
       upper(g.platform::text) || '-' || (7000000 + a.n),
       a.phase,
       case pg_temp.rnd('accounts.allowed', a.n) % 5
            when 0 then '{}'
            when 1 then array[g.platform]
            when 2 then array['mt4', 'mt5']::trading_platform[]
            when 3 then array['ctrader', 'dxtrade', 'match_trader']::trading_platform[]
            else array[g.platform, 'mt5'] end,
       (array[5000, 10000, 25000, 50000, 100000, 200000])[pg_temp.pick('accounts.balance', a.n, 6)],
       a.phase <> 'closed' and pg_temp.chance('accounts.active', a.n, 90),
       coalesce(p.purchased_at + (pg_temp.rnd('accounts.delay', a.n) % 86400) * interval '1 second',
                pg_temp.moment('accounts.opened_at', a.n))
from (select n,
             case when pg_temp.chance('accounts.purchased', n, 80)
                  then pg_temp.uuid_of('purchases', pg_temp.pick('accounts.purchase', n, purchases)) end as purchase_id,
             (array['evaluation', 'evaluation', 'evaluation', 'verification', 'verification', 'funded', 'closed']
                 ::account_phase[])[pg_temp.pick('accounts.phase', n, 7)] as phase
      from demo_size cross join generate_series(1, accounts) n) a
     cross join demo_size s
     join platform_groups g on g.id = pg_temp.pick('accounts.group', a.n, 8)
     left join purchases p on p.id = a.purchase_id;

-- One stats row for 90% of the accounts (the others never traded).
insert into account_stats (account_id, equity, max_drawdown, trades_count, best_day, updated_at)
select a.id,
       round(a.starting_balance * (8500 + pg_temp.rnd('stats.equity', a.id) % 3000) / 10000, 2),
       round((pg_temp.rnd('stats.drawdown', a.id) % 1200) / 100.0, 2),
       (pg_temp.rnd('stats.trades', a.id) % 500)::integer,
       case when pg_temp.chance('stats.has_best_day', a.id, 70)
            then a.opened_at::date + (pg_temp.rnd('stats.best_day', a.id) % 60)::integer end,
       a.opened_at + interval '60 days'
from trading_accounts a
where pg_temp.chance('stats.traded', a.id, 90);

insert into breach_activities (id, account_id, kind, details, occurred_at)
select pg_temp.uuid_of('breaches', n),
       pg_temp.pick('breaches.account_id', n, s.accounts),
       (array['daily_loss', 'daily_loss', 'max_drawdown', 'news_trading', 'weekend_holding', 'copy_trading']::breach_kind[])
           [pg_temp.pick('breaches.kind', n, 6)],
       case pg_temp.rnd('breaches.details', n) % 10
            when 0 then null
            when 1 then '{}'
            else jsonb_build_object(
                     'limit_pct', 5,
                     'observed_pct', round(5 + (pg_temp.rnd('breaches.observed', n) % 500) / 100.0, 2),
                     'symbol', (array['EURUSD', 'XAUUSD', 'US30', 'BTCUSD', 'NAS100'])[pg_temp.pick('breaches.symbol', n, 5)],
                     'positions', jsonb_build_array(n * 10 + 1, n * 10 + 2)) end,
       pg_temp.moment('breaches.at', n)
from demo_size s cross join generate_series(1, s.breaches) n;

-- Ten events per account, in time order. Commercial events carry the VIRTUAL reference to the purchase that
-- funded the account (correlation_purchase_id, no constraint); it resolves whenever it is not NULL. Payloads
-- come in every JSON shape, including JSON null next to SQL NULL.
insert into platform_events (id, account_id, event_type, payload, correlation_purchase_id, created_at)
select e.n,
       a.id,
       e.event_type,
       case pg_temp.rnd('events.shape', e.n) % 100
            when 0 then null
            when 1 then 'null'::jsonb
            when 2 then to_jsonb(pg_temp.awkward_text(e.n / 100))
            when 3 then jsonb_build_array(e.n, 'two', 3.5, true, null)
            when 4 then '{}'::jsonb
            when 5 then jsonb_build_object('comment', pg_temp.awkward_text(e.n / 100), 'nested', jsonb_build_object('deeper', jsonb_build_object('deepest', array[1, 2, 3])))
            else jsonb_build_object(
                     'ticket', 90000000 + e.n,
                     'symbol', (array['EURUSD', 'GBPUSD', 'XAUUSD', 'US30', 'NAS100', 'BTCUSD'])[pg_temp.pick('events.symbol', e.n, 6)],
                     'side', case when pg_temp.chance('events.side', e.n, 50) then 'buy' else 'sell' end,
                     'volume', round((1 + pg_temp.rnd('events.volume', e.n) % 500) / 100.0, 2),
                     'price', round((10000 + pg_temp.rnd('events.price', e.n) % 90000) / 10000.0, 5)) end,
       case when e.event_type in ('account.created', 'phase.passed', 'invoice.sent') then a.purchase_id end,
       to_timestamp(1704067200 + e.n * 63072000 / s.events)
from (select n,
             pg_temp.pick('events.account_id', n, accounts) as account_id,
             (array['order.opened', 'order.opened', 'order.closed', 'order.closed', 'order.modified', 'deposit',
                    'risk.check', 'login', 'account.created', 'phase.passed', 'invoice.sent'])
                 [pg_temp.pick('events.type', n, 11)] as event_type
      from demo_size cross join generate_series(1, events) n) e
     cross join demo_size s
     join trading_accounts a on a.id = e.account_id;

-- Rules per platform group and phase, then per-account overrides for about one account in a hundred.
insert into challenge_settings (id, platform_group_id, account_id, phase, profit_target, max_daily_loss, rules)
select (g.id - 1) * 3 + ph.i, g.id, null, ph.phase, ph.target, 5,
       jsonb_build_object('min_trading_days', 4 - ph.i, 'news_trading', g.id % 2 = 0, 'consistency_rule', null)
from platform_groups g
     cross join unnest(array['evaluation', 'verification', 'funded']::account_phase[], array[8.0, 5.0, 0.0])
         with ordinality as ph(phase, target, i);

insert into challenge_settings (id, platform_group_id, account_id, phase, profit_target, max_daily_loss, rules)
select (select max(id) from challenge_settings) + o.n, a.platform_group_id, a.id, a.phase,
       (array[6.0, 8.0, 10.0])[pg_temp.pick('overrides.target', o.n, 3)],
       (array[4.0, 5.0])[pg_temp.pick('overrides.loss', o.n, 2)],
       jsonb_build_object('reason', case when o.n % 20 = 0 then pg_temp.awkward_text(o.n / 20) else 'support ticket #' || o.n end)
from (select n, pg_temp.pick('overrides.account_id', n, accounts) as account_id
      from demo_size cross join generate_series(1, account_overrides) n) o
     join trading_accounts a on a.id = o.account_id;
