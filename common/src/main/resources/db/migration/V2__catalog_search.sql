-- Catalog reads of the gateway (GET /api/movies). The persist workers pay for these indexes on
-- every upsert, so there are only the ones the catalog's default paths need.

-- Title search is "contains, case-insensitive": lower(title) ilike '%text%'. A btree cannot
-- serve a leading wildcard; a trigram GIN index can, and keeps it fast at a million rows.
-- pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists pg_trgm;
create index movies_title_trgm on movies using gin (lower(title) gin_trgm_ops);
create index movies_original_title_trgm on movies using gin (lower(original_title) gin_trgm_ops);

-- The default order (most popular first, ties by id) read straight off an index, so the first
-- page of the catalog does not sort every row.
create index movies_popularity on movies (popularity desc nulls last, tmdb_id desc);
