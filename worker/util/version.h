/* version.h - the sitrep version, stamped on every incident record. */
#ifndef SR_UTIL_VERSION_H
#define SR_UTIL_VERSION_H

#define SR_VERSION "0.1.0"

#endif
