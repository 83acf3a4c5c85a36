-- Columns added after a warehouse may already exist (create table if not exists keeps old tables). The raw facts
-- table was `facts` before corrections (store/warehouse.py renames it first).
alter table extracted_facts add column if not exists source_kind varchar;
alter table extracted_facts add column if not exists why varchar;
alter table extracted_facts add column if not exists confidence double;
