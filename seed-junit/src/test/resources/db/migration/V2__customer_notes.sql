create table customer_notes (customer_id int not null references customers (id), note text not null);
