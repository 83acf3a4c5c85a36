-- comparisons: for each country, its partners ranked per indicator and year by the USD value of
-- full-year levels (partial years would rank a pair by its reporting calendar, not its size).
create or replace view comparisons as
with source_values as (
    select * from usd_value
    where measure = 'level' and value_usd is not null and not is_partial_year and country_b is not null
),

both_sides as (
    select country_a as country, country_b as partner, * exclude (country_a, country_b) from source_values
    union all
    select country_b as country, country_a as partner, * exclude (country_a, country_b) from source_values
    where indicator in ('trade_turnover', 'transit_cargo', 'agreements')
),

best as (
    select
        country, partner, indicator, year,
        max(value_usd) as value_usd,
        arg_max(raw_value, value_usd) as raw_value,
        arg_max(raw_unit, value_usd) as raw_unit,
        arg_max(article, value_usd) as article
    from both_sides
    group by all
),

final as (
    select
        *,
        rank() over (partition by country, indicator, year order by value_usd desc) as rank
    from best
)

select * from final
