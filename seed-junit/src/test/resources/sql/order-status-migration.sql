create table order_status (id serial primary key, code text not null unique, label text not null);
insert into order_status (code, label) values ('new', 'New'), ('paid', 'Paid'), ('shipped', 'Shipped');
create table orders (id int primary key, status_id int not null references order_status, total numeric(10,2));
