create table customers (id int primary key, name text not null);
insert into customers values (1, 'only customers');
