-- The gateway's transactional outbox: a command (start, cancel, retry) is recorded in the same
-- database transaction as the import's change, and a relay publishes it to Kafka and deletes it
-- once Kafka acknowledged it. So an import is never recorded without its command, nor its command
-- published without the import; and the API answers while Kafka is down.
create table outbox (
    id         bigserial   primary key,         -- relayed in this order
    topic      text        not null,
    record_key text        not null,
    message    text        not null,            -- the FleetMessage as JSON, as it goes on the wire
    created_at timestamptz not null default now()
);
