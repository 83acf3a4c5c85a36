-- What builds retired: articles no file holds any more (their files left the folder a build mirrors, or an
-- edit replaced their text), with their facts (as extracted) and events as they were, and the run that retired
-- them. Nothing a build read is deleted. Same columns as the live tables, plus the run: a column added to a live
-- table needs its line for these too (`alter table if exists retired_facts add column if not exists ...`).
create table if not exists retired_articles as
    select *, ''::varchar as retired_run, current_timestamp::timestamp as retired_at from articles limit 0;
create table if not exists retired_facts as
    select *, ''::varchar as retired_run from extracted_facts limit 0;
create table if not exists retired_events as
    select *, []::varchar[] as participants, ''::varchar as retired_run from events limit 0;
alter table retired_facts add column if not exists confidence double;
