-- Imports started on a cron schedule. Every gateway looks for due schedules; a due schedule's row
-- is taken with "for update skip locked" and its next run time moved on in the same transaction
-- as the import it starts, so a due time fires once however many gateways run.
create table schedules (
    id           uuid        primary key,
    name         text        not null unique,
    cron         text        not null,             -- as given (5 or 6 fields, or a macro such as @daily)
    zone         text        not null,             -- the time zone the cron is read in
    import       jsonb       not null,             -- the body of POST /api/imports it starts
    paused       boolean     not null default false,
    next_run_at  timestamptz not null,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now()
);
create index schedules_due on schedules (next_run_at) where not paused;

-- One row per due time a schedule fired at: the import it started, or why it started none.
create table schedule_runs (
    schedule_id uuid        not null references schedules (id) on delete cascade,
    due_at      timestamptz not null,
    ran_at      timestamptz not null default now(),
    outcome     text        not null,                 -- STARTED | SKIPPED
    import_id   uuid,
    missed      integer     not null default 0,       -- due times that passed unrun before this one (catch-up)
    reason      text,
    primary key (schedule_id, due_at)
);

-- Why an import is what it is when the gateway chose for the user: a changes import without days
-- goes on from the last sync, or becomes a catalog import when that is beyond TMDB's 14 days.
alter table import_jobs add column note text;
