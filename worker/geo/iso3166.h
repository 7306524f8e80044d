/* iso3166.h - ISO 3166-1 alpha-2 <-> alpha-3 country codes. Pelias
 * answers with alpha-3 ("NER") while the contract's location carries
 * alpha-2 ("NE"): the geocoder client and the gazetteer server convert
 * with this table (ISO 3166-1 as shipped by Debian's iso-codes, plus the
 * user-assigned XK/XKX for Kosovo that GeoNames and Pelias use).
 */
#ifndef SR_GEO_ISO3166_H
#define SR_GEO_ISO3166_H

/* The alpha-2 code of an alpha-3 code (any case), or NULL. */
const char *sr_iso3166_alpha2(const char *alpha3);
/* The alpha-3 code of an alpha-2 code (any case), or NULL. */
const char *sr_iso3166_alpha3(const char *alpha2);

#endif
