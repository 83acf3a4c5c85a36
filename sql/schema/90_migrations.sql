-- Columns added after a warehouse may already exist (create table if not exists keeps old tables).
alter table facts add column if not exists source_kind varchar;
alter table facts add column if not exists why varchar;
