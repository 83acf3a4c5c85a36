-- cooperation: events per country pair and year; a pair cooperates at an event when both take part.
-- Planned events are counted apart from held ones, so announcements never inflate what happened.
create or replace view cooperation as
with source_events as (
    select event_id, event_type, status, coalesce(year(date_start), year(published)) as year, article
    from events
    left join (select article_id, published from articles) using (article_id)
),

source_participants as (
    select * from event_participants
),

pairs as (
    select a.event_id, a.participant as country_a, b.participant as country_b
    from source_participants as a
    join source_participants as b on a.event_id = b.event_id and a.participant < b.participant
),

final as (
    select
        p.country_a,
        p.country_b,
        p.country_a || '–' || p.country_b as pair_label,
        e.year,
        count(*) filter (where e.status = 'held') as n_held,
        count(*) filter (where e.status = 'planned') as n_planned,
        count(*) filter (where e.status = 'held' and e.event_type = 'summit') as n_summits,
        count(*) filter (where e.status = 'held' and e.event_type = 'meeting') as n_meetings,
        count(*) filter (where e.status = 'held' and e.event_type = 'visit') as n_visits,
        count(*) filter (where e.status = 'held' and e.event_type = 'exercise') as n_exercises,
        list(distinct e.article) as articles
    from pairs as p
    join source_events as e using (event_id)
    group by all
)

select * from final
