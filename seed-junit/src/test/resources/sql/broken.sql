create table fine (id int);
-- the next statement fails
insert into fine
    select id from missing_table;
