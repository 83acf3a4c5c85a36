-- comparisons: for each country, its partners ranked per indicator and year by the USD value of
-- full-year levels (partial years would rank a pair by its reporting calendar, not its size). Values are
-- the consensus values (usd_value), the ones every other page shows; share is the partner's part of the
-- sum of the country's ranked partners that year (of what the corpus states, not of the country's total).
create or replace view comparisons as
with source_values as (
    select * from usd_value
    where measure = 'level' and value_usd is not null and not is_partial_year and period_kind = 'year'
        and country_b is not null and per is null
),

both_sides as (
    select country_a as country, country_b as partner, * exclude (country_a, country_b) from source_values
    union all
    select country_b as country, country_a as partner, * exclude (country_a, country_b) from source_values
    where is_symmetric
),

one_currency as (
    -- a figure given in two currencies is two quantities: the one stated in dollars stands for both
    select * from both_sides
    qualify row_number() over (partition by country, partner, indicator, year
                               order by fx_status = 'native' desc, value_usd desc) = 1
),

final as (
    select
        country, partner, indicator, year, value_usd, raw_value, raw_unit, fx_status, article, article_title,
        published, evidence, fact_id, status, confidence, reviewed_by, reviewed_at, corrected_fields,
        rank() over (partition by country, indicator, year order by value_usd desc) as rank,
        value_usd / sum(value_usd) over (partition by country, indicator, year) as share
    from one_currency
)

select * from final
