-- event_checks: one row per event with what the events suite asserts beyond single columns.
create or replace view event_checks as
with source_events as (
    select * from events
),

participants as (
    select event_id, list(participant order by participant) as participants, count(*) as n_participants
    from event_participants
    group by event_id
),

source_articles as (
    select article_id, text from articles
),

final as (
    select
        e.event_id,
        e.article,
        e.event_type,
        e.status,
        e.evidence,
        coalesce(p.n_participants, 0) as n_participants,
        case when e.host is not null then list_contains(p.participants, e.host) end as host_in_participants,
        case when e.visitor is not null then list_contains(p.participants, e.visitor) end as visitor_in_participants,
        case when e.date_start is not null and e.date_end is not null then e.date_start <= e.date_end end
            as dates_ordered,
        year(e.date_start) as start_year,
        case when e.status = 'planned' then not e.signed end as planned_not_signed,
        substring(a.text, e.char_start + 1, e.char_end - e.char_start) = e.evidence as evidence_matches
    from source_events as e
    left join participants as p using (event_id)
    left join source_articles as a using (article_id)
)

select * from final
