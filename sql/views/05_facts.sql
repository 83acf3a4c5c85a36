-- facts: what every view, the API and the report read: the extractor's facts (extracted_facts) with the
-- decisions of data/corrections.yaml applied (reviewed_facts, written by each build): a rejected fact is left
-- out, a confirmed or corrected one replaces the extractor's row, an added one joins them. `status` says which;
-- `confidence` is the extractor's (docs/review.md) for an unreviewed fact and 1 for one a person checked, whose
-- own stays in `extractor_confidence`.
create or replace view facts as
with source_extracted as (
    select * from extracted_facts
),

source_reviewed as (
    select * from reviewed_facts
),

unreviewed as (
    select
        x.* exclude (confidence),
        x.confidence,
        x.confidence as extractor_confidence,
        'extracted' as status,
        null::varchar[] as corrected_fields,
        null::varchar as reviewed_by,
        null::varchar as reviewed_at,
        null::varchar as review_note,
        null::varchar as correction
    from source_extracted as x
    where not exists (select 1 from source_reviewed as r where r.fact_id = x.fact_id)
),

reviewed as (
    select
        r.* exclude (confidence, status, corrected_fields, reviewed_by, reviewed_at, review_note, correction),
        1.0::double as confidence,
        r.confidence as extractor_confidence,
        r.status,
        r.corrected_fields,
        r.reviewed_by,
        r.reviewed_at,
        r.review_note,
        r.correction
    from source_reviewed as r
    where r.status <> 'rejected'
),

final as (
    select * from unreviewed
    union all by name
    select * from reviewed
)

select * from final
