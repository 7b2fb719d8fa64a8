create table customers (id int primary key, name text not null);
create table oops (id no_such_type);
