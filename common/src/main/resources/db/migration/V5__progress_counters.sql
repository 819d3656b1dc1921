-- Progress kept as counters on the import's own row, so reading an import, and deciding whether
-- it is done, reads one row however big the import is. Each counter moves exactly once per page
-- and per (import, movie): a statement changes a counter only for the rows it changed itself
-- (insert-if-absent, update-if-different), so a re-delivered event changes nothing.
alter table import_jobs
    add column pages_fetched    integer not null default 0,
    add column pages_failed     integer not null default 0,
    add column pages_retrying   integer not null default 0,
    add column movies_expected  bigint  not null default 0,  -- distinct movies on fetched pages
    add column movies_persisted bigint  not null default 0,  -- of those, the ones with each outcome
    add column movies_not_found bigint  not null default 0,
    add column movies_failed    bigint  not null default 0;

-- One row per movie of an import, written from both sides: the gateway marks it listed when a
-- fetched page names it, a persist worker gives it its outcome. Whichever of the two comes second
-- counts the outcome, so an outcome is only counted for a movie the import expects.
alter table import_items
    add column listed boolean not null default false,
    alter column outcome drop not null,
    alter column outcome drop default,
    alter column persisted_at drop not null,
    alter column persisted_at drop default;

update import_items i set listed = true
from (select distinct import_id, unnest(movie_ids) as tmdb_id from import_pages where status = 'FETCHED') e
where i.import_id = e.import_id and i.tmdb_id = e.tmdb_id;

insert into import_items (import_id, tmdb_id, listed)
select distinct import_id, unnest(movie_ids), true from import_pages where status = 'FETCHED'
on conflict (import_id, tmdb_id) do nothing;

update import_jobs j set
    pages_fetched    = (select count(*) from import_pages p where p.import_id = j.id and p.status = 'FETCHED'),
    pages_failed     = (select count(*) from import_pages p where p.import_id = j.id and p.status = 'FAILED'),
    pages_retrying   = (select count(*) from import_pages p where p.import_id = j.id and p.status = 'RETRYING'),
    movies_expected  = (select count(*) from import_items i where i.import_id = j.id and i.listed),
    movies_persisted = (select count(*) from import_items i where i.import_id = j.id and i.listed and i.outcome = 'PERSISTED'),
    movies_not_found = (select count(*) from import_items i where i.import_id = j.id and i.listed and i.outcome = 'NOT_FOUND'),
    movies_failed    = (select count(*) from import_items i where i.import_id = j.id and i.listed and i.outcome = 'FAILED');

-- "expected" now lives in import_items.listed
alter table import_pages drop column movie_ids;

-- The first failures of an import, and the paginated list of them, without scanning its pages
create index import_pages_failed on import_pages (import_id, page) where status = 'FAILED';
create index import_items_failed on import_items (import_id, tmdb_id) where outcome = 'FAILED';
