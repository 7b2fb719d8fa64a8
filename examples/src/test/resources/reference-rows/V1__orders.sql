-- A migration that creates the order tables and inserts the order statuses itself, with ids of its own:
-- new 1, paid 2, shipped 3, cancelled 4. The database the snapshot fixtures/reference-rows was exported from
-- got the same statuses in another order (new 1, cancelled 2, paid 3, shipped 4), so the snapshot's orders
-- reference statuses by ids that mean something else here; the natural key public.order_status=code
-- (junit-platform.properties) matches them by code instead.
create table order_status (id serial primary key, code text not null unique, label text not null);
insert into order_status (code, label) values ('new', 'New'), ('paid', 'Paid'), ('shipped', 'Shipped'),
    ('cancelled', 'Cancelled');
create table customers (id serial primary key, email text not null unique, name text not null);
create table orders (id serial primary key, customer_id int not null references customers,
    status_id int not null references order_status, total numeric(10,2) not null);
