-- Demo data, step 5 of 5: recreate the indexes and foreign keys set aside in step 1 (which checks every row
-- against its parents), move every sequence and identity past the ids inserted explicitly, so the application
-- (and any test) can insert new rows, and drop the helpers. DemoDatabase runs VACUUM (ANALYZE) after commit.

do $$
declare
    ddl text;
begin
    for ddl in select create_ddl from demo_set_aside order by phase, name loop
        execute ddl;
    end loop;
end
$$;

do $$
declare
    col record;
    max_value bigint;
begin
    for col in
        select n.nspname as schema_name, c.relname as table_name, a.attname as column_name,
               pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as sequence_name
        from pg_class c
             join pg_namespace n on n.oid = c.relnamespace
             join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where c.relkind in ('r', 'p') and n.nspname in ('public', 'audit')
    loop
        continue when col.sequence_name is null;
        execute format('select max(%I) from %I.%I', col.column_name, col.schema_name, col.table_name) into max_value;
        if max_value is null then
            perform setval(col.sequence_name, 1, false);
        else
            perform setval(col.sequence_name, max_value, true);
        end if;
    end loop;
end
$$;

drop function pg_temp.project_member(bigint, bigint, bigint);
drop function pg_temp.project_size(bigint);
drop function pg_temp.awkward_text(bigint);
drop function pg_temp.uuid_of(text, bigint);
drop function pg_temp.amount(text, bigint, integer, integer);
drop function pg_temp.moment(text, bigint);
drop function pg_temp.chance(text, bigint, integer);
drop function pg_temp.pick(text, bigint, bigint);
drop function pg_temp.rnd(text, bigint);
