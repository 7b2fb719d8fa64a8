package dev.seedkit.core.schema;

/**
 * The {@code pg_catalog} queries {@link SchemaReader} runs: one per kind of object, each for all tables at once.
 * Every query takes one parameter, the schema names as {@code text[]}; they need PostgreSQL 12 or later
 * ({@code pg_partition_root}, {@code attgenerated}, {@code conparentid}).
 */
final class CatalogQueries {

    /** Every schema except PostgreSQL's own and Seedkit's ({@code seedkit}). */
    static final String USER_SCHEMAS = "select n.nspname from pg_catalog.pg_namespace n"
            + " where n.nspname !~ '^pg_' and n.nspname not in ('information_schema', 'seedkit')"
            + " order by n.nspname";

    /** Of the given schema names (parameter 1), those that exist. */
    static final String EXISTING_SCHEMAS = "select n.nspname from pg_catalog.pg_namespace n"
            + " where n.nspname = any(?) order by n.nspname";

    /**
     * The loadable tables of the chosen schemas: ordinary and partitioned tables, not partitions, not tables that
     * belong to an extension.
     */
    private static final String TABLES_CTE = "with tbl as ("
            + " select c.oid, n.nspname, c.relname, c.relkind = 'p' as partitioned"
            + " from pg_catalog.pg_class c join pg_catalog.pg_namespace n on n.oid = c.relnamespace"
            + " where c.relkind in ('r', 'p') and not c.relispartition and n.nspname = any(?)"
            + " and not exists (select 1 from pg_catalog.pg_depend d"
            + "  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass and d.objid = c.oid"
            + "  and d.deptype = 'e')) ";

    static final String TABLES = TABLES_CTE + "select oid, nspname, relname, partitioned from tbl";

    /** Columns in order, with type facts, default or generation expression, identity and owned sequence. */
    static final String COLUMNS = TABLES_CTE
            + "select a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) as type,"
            + " t.typtype, t.typcategory = 'A' and t.typelem <> 0 as is_array,"
            + " case when t.typtype = 'd' then pg_catalog.format_type(t.typbasetype, t.typtypmod) end as base_type,"
            + " case when t.typcategory = 'A' and t.typelem <> 0"
            + "  then pg_catalog.format_type(t.typelem, null) end as element_type,"
            + " not a.attnotnull as nullable, pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) as default_expression,"
            + " a.attgenerated <> '' as generated, a.attidentity, seq.nspname as seq_schema, seq.relname as seq_name"
            + " from tbl join pg_catalog.pg_attribute a on a.attrelid = tbl.oid and a.attnum > 0"
            + " and not a.attisdropped"
            + " join pg_catalog.pg_type t on t.oid = a.atttypid"
            + " left join pg_catalog.pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum"
            + " left join lateral (select sn.nspname, s.relname from pg_catalog.pg_depend d"
            + "  join pg_catalog.pg_class s on s.oid = d.objid and s.relkind = 'S'"
            + "  join pg_catalog.pg_namespace sn on sn.oid = s.relnamespace"
            + "  where d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass"
            + "  and d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass"
            + "  and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype in ('a', 'i')"
            + "  order by s.relname limit 1) seq on true"
            + " order by a.attrelid, a.attnum";

    /**
     * Primary keys, unique constraints and the unique indexes ON CONFLICT can use (valid, non-partial, no
     * expressions), with their key columns (not INCLUDE columns) in order.
     */
    static final String KEYS = TABLES_CTE
            + "select i.indrelid, coalesce(con.conname, ic.relname) as name,"
            + " case when i.indisprimary then 'p' when con.contype = 'u' then 'u' else 'i' end as kind,"
            + " array(select a.attname from pg_catalog.unnest(i.indkey::pg_catalog.int2[]) with ordinality k(num, ord)"
            + "  join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.num"
            + "  where k.ord <= i.indnkeyatts order by k.ord)::text[] as columns,"
            + " not i.indimmediate as deferrable"
            + " from tbl join pg_catalog.pg_index i on i.indrelid = tbl.oid"
            + " join pg_catalog.pg_class ic on ic.oid = i.indexrelid"
            + " left join pg_catalog.pg_constraint con on con.conindid = i.indexrelid"
            + " and con.conrelid = i.indrelid and con.contype in ('p', 'u')"
            + " where i.indisunique and i.indisvalid and i.indpred is null and i.indexprs is null"
            + " order by i.indrelid, name";

    /**
     * Foreign keys declared by the chosen tables or by their partitions (not the copies PostgreSQL makes on each
     * partition), with both ends mapped to their partition roots, and the referencing columns that accept NULL.
     */
    static final String FOREIGN_KEYS = TABLES_CTE
            + "select fk.child_oid, fk.conname, fk.child_columns, fk.nullable_columns, fk.parent_oid,"
            + " pn.nspname as parent_schema, pc.relname as parent_name, fk.parent_columns,"
            + " fk.condeferrable, fk.condeferred, fk.match_full"
            + " from (select coalesce(pg_catalog.pg_partition_root(con.conrelid)::oid, con.conrelid) as child_oid,"
            + "  coalesce(pg_catalog.pg_partition_root(con.confrelid)::oid, con.confrelid) as parent_oid,"
            + "  con.conname, con.condeferrable, con.condeferred, con.confmatchtype = 'f' as match_full,"
            + columnNames("con.conkey", "con.conrelid", "") + " as child_columns,"
            + columnNames("con.conkey", "con.conrelid", " and not a.attnotnull") + " as nullable_columns,"
            + columnNames("con.confkey", "con.confrelid", "") + " as parent_columns"
            + "  from pg_catalog.pg_constraint con where con.contype = 'f' and con.conparentid = 0) fk"
            + " join tbl on tbl.oid = fk.child_oid"
            + " join pg_catalog.pg_class pc on pc.oid = fk.parent_oid"
            + " join pg_catalog.pg_namespace pn on pn.oid = pc.relnamespace"
            + " order by fk.child_oid, fk.conname";

    private CatalogQueries() {
    }

    private static String columnNames(String attnums, String relation, String condition) {
        return " array(select a.attname from pg_catalog.unnest(" + attnums + ") with ordinality k(num, ord)"
                + " join pg_catalog.pg_attribute a on a.attrelid = " + relation + " and a.attnum = k.num"
                + condition + " order by k.ord)::text[]";
    }
}
