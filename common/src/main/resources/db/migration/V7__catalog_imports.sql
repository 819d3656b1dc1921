-- A catalog import: every id of TMDB's daily export. The export's ids are the import's items
-- (exported); the discover windows list most of them (listed), and the ids no window listed are
-- then fetched by their details (the sweep, once every planned page has an outcome).
alter table import_items
    add column exported boolean not null default false;

alter table import_jobs
    add column export_date    date,                    -- the export's date, once its first part arrived
    add column export_ids     bigint not null default 0, -- distinct ids read from the export
    add column swept_at       timestamptz,              -- when the ids no window listed were sent to details
    add column movies_swept   bigint not null default 0, -- those ids
    add column movies_deleted bigint not null default 0; -- movies marked deleted: absent from the last exports

-- the catalog imports whose exports decide deletions, newest first
create index import_jobs_catalog on import_jobs (export_date desc) where swept_at is not null;
