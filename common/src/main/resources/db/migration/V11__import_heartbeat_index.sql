-- When the fleet last progressed, max(heartbeat_at), is read on every import read and live-stream
-- tick (the gateway's stall rule): with this index it is one step down the index instead of a
-- scan of every import ever made. The price is paid on progress: a heartbeat update is no longer
-- HOT, so it adds an entry to each index of import_jobs (a few small indexes, once per batch).
create index import_jobs_heartbeat on import_jobs (heartbeat_at);
