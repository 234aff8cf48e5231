"""The partner places a synthetic council links with, and what the conduct rules and costs need of each.

The first eleven are the places the domain documents name (Leicester's twin cities, Derby's links and
approaches); the rest are real places added for size. Every link to them is invented.
"""

from dataclasses import dataclass
from decimal import Decimal

from partnerships.models import Place, Region


@dataclass(frozen=True)
class PlaceSpec:
    name: str
    country: str  # ISO 3166
    kind: str
    region: str  # for the hotel cap
    latitude: str
    longitude: str
    currency: str


def _spec(name, country, region, latitude, longitude, currency, kind=Place.Kind.CITY) -> PlaceSpec:
    return PlaceSpec(name, country, kind, region, latitude, longitude, currency)


EU, AS, AM, AF, OC, ME = (
    Region.EUROPE,
    Region.ASIA,
    Region.AMERICAS,
    Region.AFRICA,
    Region.OCEANIA,
    Region.MIDDLE_EAST,
)

PLACES = [
    _spec("Strasbourg", "FR", EU, "48.57340", "7.75210", "EUR"),
    _spec("Krefeld", "DE", EU, "51.33880", "6.58530", "EUR"),
    _spec("Masaya", "NI", AM, "11.97440", "-86.09420", "NIO"),
    _spec("Rajkot", "IN", AS, "22.30390", "70.80220", "INR"),
    _spec("Haskovo", "BG", EU, "41.93440", "25.55560", "BGN"),
    _spec("Chongqing", "CN", AS, "29.56300", "106.55160", "CNY"),
    _spec("Osnabrück", "DE", EU, "52.27990", "8.04720", "EUR"),
    _spec("Toyota", "JP", AS, "35.08250", "137.15630", "JPY"),
    _spec("Hefei", "CN", AS, "31.82060", "117.22720", "CNY"),
    _spec("Zhejiang", "CN", AS, "29.14160", "119.78890", "CNY", Place.Kind.PROVINCE),
    _spec("Xi'an", "CN", AS, "34.34160", "108.93980", "CNY"),
    _spec("Lyon", "FR", EU, "45.76400", "4.83570", "EUR"),
    _spec("Rouen", "FR", EU, "49.44320", "1.09990", "EUR"),
    _spec("Leipzig", "DE", EU, "51.33970", "12.37310", "EUR"),
    _spec("Bologna", "IT", EU, "44.49490", "11.34260", "EUR"),
    _spec("Valencia", "ES", EU, "39.46990", "-0.37630", "EUR"),
    _spec("Porto", "PT", EU, "41.15790", "-8.62910", "EUR"),
    _spec("Maia", "PT", EU, "41.23570", "-8.61990", "EUR"),
    _spec("Utrecht", "NL", EU, "52.09070", "5.12140", "EUR"),
    _spec("Ghent", "BE", EU, "51.05430", "3.71740", "EUR"),
    _spec("Tampere", "FI", EU, "61.49780", "23.76100", "EUR"),
    _spec("Poznań", "PL", EU, "52.40640", "16.92520", "PLN"),
    _spec("Brno", "CZ", EU, "49.19510", "16.60680", "CZK"),
    _spec("Cork", "IE", EU, "51.89850", "-8.47560", "EUR"),
    _spec("Thessaloniki", "GR", EU, "40.64010", "22.94440", "EUR"),
    _spec("Ahmedabad", "IN", AS, "23.02250", "72.57140", "INR"),
    _spec("Vadodara", "IN", AS, "22.30720", "73.18120", "INR"),
    _spec("Amritsar", "IN", AS, "31.63400", "74.87230", "INR"),
    _spec("Gujarat", "IN", AS, "22.25870", "71.19240", "INR", Place.Kind.REGION),
    _spec("Sylhet", "BD", AS, "24.89490", "91.86870", "BDT"),
    _spec("Lahore", "PK", AS, "31.52040", "74.35870", "PKR"),
    _spec("Suzhou", "CN", AS, "31.29900", "120.58530", "CNY"),
    _spec("Nagoya", "JP", AS, "35.18150", "136.90660", "JPY"),
    _spec("Kampala", "UG", AF, "0.34760", "32.58250", "USD"),
    _spec("Kumasi", "GH", AF, "6.68850", "-1.62440", "GHS"),
    _spec("Durban", "ZA", AF, "-29.85870", "31.02180", "ZAR"),
    _spec("Bulawayo", "ZW", AF, "-20.13250", "28.62650", "USD"),
    _spec("Chicago", "US", AM, "41.87810", "-87.62980", "USD"),
    _spec("Pittsburgh", "US", AM, "40.44060", "-79.99590", "USD"),
    _spec("Halifax", "CA", AM, "44.64880", "-63.57520", "CAD"),
    _spec("León", "NI", AM, "12.43790", "-86.87800", "NIO"),
    _spec("Curitiba", "BR", AM, "-25.42840", "-49.27330", "BRL"),
    _spec("Hamilton", "NZ", OC, "-37.78700", "175.27930", "NZD"),
    _spec("Geelong", "AU", OC, "-38.14990", "144.36170", "AUD"),
    _spec("Bursa", "TR", ME, "40.18260", "29.06650", "TRY"),
    _spec("Nablus", "PS", ME, "32.22110", "35.25440", "ILS"),
]

# Pounds for one unit, roughly; each year and each cost moves a little from it (see `rate_for`).
RATES_TO_GBP = {
    "EUR": Decimal("0.850000"),
    "NIO": Decimal("0.021000"),
    "INR": Decimal("0.009400"),
    "BGN": Decimal("0.435000"),
    "CNY": Decimal("0.108000"),
    "JPY": Decimal("0.005300"),
    "PLN": Decimal("0.195000"),
    "CZK": Decimal("0.034000"),
    "BDT": Decimal("0.006600"),
    "PKR": Decimal("0.002800"),
    "GHS": Decimal("0.052000"),
    "ZAR": Decimal("0.043000"),
    "USD": Decimal("0.780000"),
    "CAD": Decimal("0.570000"),
    "BRL": Decimal("0.150000"),
    "NZD": Decimal("0.470000"),
    "AUD": Decimal("0.510000"),
    "TRY": Decimal("0.024000"),
    "ILS": Decimal("0.210000"),
}
