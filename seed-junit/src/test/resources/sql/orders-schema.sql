/* Schema of seed-junit's tests: customers and their orders.
   /* Comments nest; this one has a semicolon; */ and this is still the outer comment; */
create table customers (
    id   int primary key,
    name text not null
);

create table orders (
    id          int primary key,
    customer_id int not null references customers (id),
    note        text
);

-- Two customers and two orders; semicolons in strings must not split statements.
insert into customers values (1, 'Ada; ''the'' Countess'), (2, E'Grace \'Amazing\'; Hopper');
insert into orders values (10, 1, 'first; order'), (11, 2, $$it's; "quoted"$$);

create function order_count(customer int) returns bigint language plpgsql as $body$
declare
    total bigint;  -- a semicolon in a comment;
begin
    select count(*) into total from orders where customer_id = customer;
    if total = 0 then
        raise notice 'no orders; none at all';
    end if;
    return total;
end;
$body$;

create function customer_label(customer int) returns text language sql
begin atomic
    select name || ' (' || order_count(customer) || case when customer > 0 then ' orders)' else ')' end
    from customers where id = customer;
end;
