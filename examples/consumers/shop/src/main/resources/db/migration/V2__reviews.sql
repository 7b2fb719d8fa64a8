create table reviews (
    id          bigserial primary key,
    product_id  int not null references products (id),
    customer_id bigint references customers (id),
    stars       int not null check (stars between 1 and 5),
    body        text
);
