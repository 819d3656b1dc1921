-- The mirror's own change list, as TMDB's /3/movie/changes: which movies' stored data changed on
-- which day (UTC). movies.updated_at keeps only the last change, so a movie changed on day 1 and
-- again on day 3 would vanish from day 1; this log keeps one row per (day, movie) instead.
-- The contract, for every writer of movies: a statement that inserts a movie, changes what a row
-- holds, or marks it deleted adds (the UTC day of now(), tmdb_id) in the same statement
-- (on conflict do nothing). The persist workers' upsert and mark-deleted, and the gateway's
-- catalog sweep, do. The persist workers delete the days older than fleet.persist.changes.retention.
create table movie_changes (
    changed_on date   not null,
    tmdb_id    bigint not null,
    primary key (changed_on, tmdb_id)
);

-- What the rows stored before tell: each movie's last change, when it is recent enough to be kept.
insert into movie_changes (changed_on, tmdb_id)
select (updated_at at time zone 'UTC')::date, tmdb_id from movies
where updated_at >= now() - interval '15 days';

-- TMDB's whole /3/configuration answer as given (images, change_keys...); null in rows stored
-- before, and from fetch workers that sent only the image fields.
alter table image_configuration add column configuration jsonb;
