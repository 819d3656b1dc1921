-- catalog-api's lists, discover and search (docs/catalog-api.md) on a million movies. Every index
-- here costs the persist workers on each row they write, so there is one per thing a read needs:
--   fold() and two trigram indexes: search, accents and case aside, with a small typo;
--   one btree per order a list can have (TMDB's sort_by), each ending with tmdb_id as the
--   spec's tie-break, over live movies only (deleted ones are in no list), carrying adult so that
--   a page is read from the index alone. The popularity one, the default order, also carries every
--   column discover filters on, so any total is counted from it alone (an index-only scan).

create extension if not exists unaccent;

-- lower(unaccent(s)), immutable as an index expression must be: unaccent is only stable because
-- its dictionary could be changed or found elsewhere on the search_path, so this one names it.
create function fold(text) returns text
    language sql immutable parallel safe strict
    return lower(public.unaccent('public.unaccent'::regdictionary, $1));

create index movies_title_folded_trgm on movies using gin (fold(title) gin_trgm_ops);
create index movies_original_title_folded_trgm on movies using gin (fold(original_title) gin_trgm_ops);

create index movies_live_popularity on movies (popularity desc nulls last, tmdb_id)
    include (adult, release_date, vote_average, vote_count, runtime, original_language, genre_ids)
    where deleted_at is null;
create index movies_live_release_date on movies (release_date, tmdb_id) include (adult) where deleted_at is null;
create index movies_live_release_date_desc on movies (release_date desc nulls last, tmdb_id) include (adult)
    where deleted_at is null;
create index movies_live_vote_average on movies (vote_average desc nulls last, vote_count desc nulls last, tmdb_id)
    include (adult) where deleted_at is null;
create index movies_live_vote_count on movies (vote_count desc nulls last, tmdb_id) include (adult)
    where deleted_at is null;
create index movies_live_title on movies (title collate "C" nulls first, tmdb_id) include (adult)
    where deleted_at is null;
create index movies_live_original_title on movies (original_title collate "C" nulls first, tmdb_id) include (adult)
    where deleted_at is null;
