// This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0. If a copy of the MPL was
// not distributed with this file, You can obtain one at https://mozilla.org/MPL/2.0/ (also ./licenses/MPL-2.0.txt).
// The Kazoo Crossbar schemas beside this file, embedded verbatim because browsers cannot import JSON here.
// Generated: UPDATE_SCHEMAS=1 npx tsx --test test-node/emulator-schemas.test.ts (which also checks it); do not edit.
import type { JsonSchema } from '../json-schema.js';

export const schemas: Record<string, JsonSchema> = {
  "accounts": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "accounts",
    "description": "Accounts represent tenants or customers on the system. Each account represents an individual dataset or sandbox that only one tenant can access. The data set is architecturally independent from other tenants.",
    "properties": {
        "call_recording": {
            "additionalProperties": false,
            "description": "call recording configuration",
            "properties": {
                "account": {
                    "$ref": "call_recording"
                },
                "endpoint": {
                    "$ref": "call_recording"
                }
            },
            "type": "object"
        },
        "call_restriction": {
            "additionalProperties": {
                "properties": {
                    "action": {
                        "description": "If set to deny all calls of this type will be rejected.  If set to inherit the user/device rules apply",
                        "enum": [
                            "inherit",
                            "deny"
                        ],
                        "type": "string"
                    }
                },
                "type": "object"
            },
            "default": {},
            "description": "Account level call restrictions for each available number classification",
            "type": "object"
        },
        "call_waiting": {
            "$ref": "call_waiting"
        },
        "caller_id": {
            "$ref": "caller_id",
            "description": "The account default caller ID parameters"
        },
        "caller_id_options": {
            "description": "custom properties for configuring caller_id",
            "properties": {
                "outbound_privacy": {
                    "description": "Determines what appears as caller id for offnet outbound calls. Values: full - hides name and number; name - hides only name; number - hides only number; none - hides nothing",
                    "enum": [
                        "full",
                        "name",
                        "number",
                        "none"
                    ],
                    "type": "string"
                },
                "show_rate": {
                    "description": "Whether to show the rate",
                    "type": "boolean"
                }
            },
            "type": "object"
        },
        "dial_plan": {
            "$ref": "dialplans",
            "description": "A list of default rules used to modify dialed numbers"
        },
        "do_not_disturb": {
            "properties": {
                "enabled": {
                    "description": "The default value for do-not-disturb",
                    "type": "boolean"
                }
            },
            "type": "object"
        },
        "enabled": {
            "default": true,
            "description": "Determines if the account is currently enabled",
            "support_level": "supported",
            "type": "boolean"
        },
        "flags": {
            "description": "Flags set by external applications",
            "items": {
                "type": "string"
            },
            "support_level": "supported",
            "type": "array"
        },
        "formatters": {
            "$ref": "formatters"
        },
        "language": {
            "description": "The language for this account",
            "support_level": "supported",
            "type": "string"
        },
        "metaflows": {
            "$ref": "metaflows"
        },
        "music_on_hold": {
            "default": {},
            "description": "The default music on hold parameters",
            "properties": {
                "media_id": {
                    "description": "The ID of a media object that should be used as the default music on hold",
                    "maxLength": 2048,
                    "type": "string"
                }
            },
            "type": "object"
        },
        "name": {
            "description": "A friendly name for the account",
            "maxLength": 128,
            "minLength": 1,
            "support_level": "supported",
            "type": "string"
        },
        "notifications": {
            "description": "account notification settings",
            "properties": {
                "first_occurrence": {
                    "description": "send emails on these account-firsts",
                    "properties": {
                        "sent_initial_call": {
                            "default": false,
                            "description": "has the account made their first call",
                            "type": "boolean"
                        },
                        "sent_initial_registration": {
                            "default": false,
                            "description": "has the account registered their first device",
                            "type": "boolean"
                        }
                    },
                    "type": "object"
                },
                "low_balance": {
                    "description": "Low balance settings",
                    "properties": {
                        "enabled": {
                            "description": "should the account be checked for this alert",
                            "type": "boolean"
                        },
                        "last_notification": {
                            "description": "Timestamp, in Gregorian seconds, of when the last low_balance alert was sent",
                            "type": "integer"
                        },
                        "sent_low_balance": {
                            "description": "has the alert been sent (avoids duplication/spamming)",
                            "type": "boolean"
                        },
                        "threshold": {
                            "description": "account balance to send alert on",
                            "type": "number"
                        }
                    },
                    "type": "object"
                }
            },
            "type": "object"
        },
        "org": {
            "description": "Full legal name of the organization",
            "type": "string"
        },
        "preflow": {
            "additionalProperties": false,
            "default": {},
            "description": "Each property provides functionality that can be applied to calls using the callflow application",
            "properties": {
                "always": {
                    "description": "The ID of a callflow to always execute prior to processing the callflow with numbers/patterns matching the request",
                    "type": "string"
                }
            },
            "type": "object"
        },
        "realm": {
            "description": "The realm of the account, ie: 'account1.2600hz.com'",
            "maxLength": 253,
            "minLength": 4,
            "pattern": "^[.\\w-]+$",
            "support_level": "supported",
            "type": "string"
        },
        "ringtones": {
            "default": {},
            "description": "Ringtone Parameters",
            "properties": {
                "external": {
                    "description": "The alert info SIP header added when the call is from internal sources",
                    "maxLength": 256,
                    "type": "string"
                },
                "internal": {
                    "description": "The alert info SIP header added when the call is from external sources",
                    "maxLength": 256,
                    "type": "string"
                }
            },
            "type": "object"
        },
        "timezone": {
            "description": "The default timezone",
            "maxLength": 32,
            "minLength": 5,
            "support_level": "supported",
            "type": "string"
        },
        "topup": {
            "description": "Topup settings for the account",
            "properties": {
                "threshold": {
                    "description": "The account balance when topup occurs",
                    "type": "number"
                }
            },
            "type": "object"
        },
        "voicemail": {
            "properties": {
                "notify": {
                    "properties": {
                        "callback": {
                            "$ref": "notify.callback"
                        }
                    },
                    "type": "object"
                }
            },
            "type": "object"
        },
        "zones": {
            "description": "A priority ordered mapping of zones for the account",
            "type": "object"
        }
    },
    "required": [
        "name"
    ],
    "type": "object"
},
  "api_auth": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "api_auth",
    "additionalProperties": false,
    "description": "Provides an auth-token via an Account API key",
    "properties": {
        "api_key": {
            "description": "The Accounts API key",
            "maxLength": 64,
            "minLength": 64,
            "type": "string"
        }
    },
    "required": [
        "api_key"
    ],
    "type": "object"
},
  "call_recording": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "call_recording",
    "additionalProperties": false,
    "description": "endpoint recording settings",
    "properties": {
        "any": {
            "$ref": "call_recording.source",
            "description": "settings for any calls to/from the endpoint"
        },
        "inbound": {
            "$ref": "call_recording.source",
            "description": "settings for inbound calls to the endpoint"
        },
        "outbound": {
            "$ref": "call_recording.source",
            "description": "settings for outbound calls from the endpoint"
        }
    },
    "type": "object"
},
  "call_recording.parameters": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "call_recording.parameters",
    "additionalProperties": false,
    "properties": {
        "enabled": {
            "description": "is recording enabled",
            "type": "boolean"
        },
        "format": {
            "description": "What format to store the recording on disk",
            "enum": [
                "mp3",
                "wav"
            ],
            "type": "string"
        },
        "record_min_sec": {
            "description": "The minimum length, in seconds, the recording must be to be considered successful. Otherwise it is deleted",
            "type": "integer"
        },
        "record_on_answer": {
            "description": "Recording should start on answer",
            "type": "boolean"
        },
        "record_on_bridge": {
            "description": "Recording should start on bridge",
            "type": "boolean"
        },
        "record_sample_rate": {
            "description": "What sampling rate to use on the recording",
            "type": "integer"
        },
        "time_limit": {
            "description": "Time limit, in seconds, for the recording",
            "maximum": 10800,
            "minimum": 5,
            "type": "integer"
        },
        "url": {
            "description": "The URL to use when sending the recording for storage",
            "format": "uri",
            "kazoo-validation": true,
            "type": "string"
        }
    },
    "type": "object"
},
  "call_recording.source": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "call_recording.source",
    "additionalProperties": false,
    "properties": {
        "any": {
            "$ref": "call_recording.parameters",
            "description": "settings for calls from any network"
        },
        "offnet": {
            "$ref": "call_recording.parameters",
            "description": "settings for calls from offnet networks"
        },
        "onnet": {
            "$ref": "call_recording.parameters",
            "description": "settings for calls from onnet networks"
        }
    },
    "type": "object"
},
  "call_waiting": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "call_waiting",
    "description": "Parameters for server-side call waiting",
    "properties": {
        "enabled": {
            "description": "Determines if server side call waiting is enabled/disabled",
            "type": "boolean"
        }
    },
    "type": "object"
},
  "caller_id": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "caller_id",
    "description": "Defines caller ID settings based on the type of call being made",
    "properties": {
        "asserted": {
            "description": "Used to convey the proven identity of the originator of a request within a trusted network.",
            "properties": {
                "name": {
                    "description": "The asserted identity name for the object type",
                    "maxLength": 35,
                    "type": "string"
                },
                "number": {
                    "description": "The asserted identity number for the object type",
                    "maxLength": 35,
                    "type": "string"
                },
                "realm": {
                    "description": "The asserted identity realm for the object type",
                    "type": "string"
                }
            },
            "type": "object"
        },
        "emergency": {
            "description": "The caller ID used when a resource is flagged as 'emergency'",
            "properties": {
                "name": {
                    "description": "The caller id name for the object type",
                    "maxLength": 35,
                    "type": "string"
                },
                "number": {
                    "description": "The caller id number for the object type",
                    "maxLength": 35,
                    "type": "string"
                }
            },
            "type": "object"
        },
        "external": {
            "description": "The default caller ID used when dialing external numbers",
            "properties": {
                "name": {
                    "description": "The caller id name for the object type",
                    "maxLength": 35,
                    "type": "string"
                },
                "number": {
                    "description": "The caller id number for the object type",
                    "maxLength": 35,
                    "type": "string"
                }
            },
            "type": "object"
        },
        "internal": {
            "description": "The default caller ID used when dialing internal extensions",
            "properties": {
                "name": {
                    "description": "The caller id name for the object type",
                    "maxLength": 35,
                    "type": "string"
                },
                "number": {
                    "description": "The caller id number for the object type",
                    "maxLength": 35,
                    "type": "string"
                }
            },
            "type": "object"
        }
    },
    "type": "object"
},
  "dialplans": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "dialplans",
    "additionalProperties": {
        "properties": {
            "description": {
                "description": "Friendly name for this regex dialplan",
                "type": "string"
            },
            "prefix": {
                "description": "Prefix the prepend to the capture group after applying the regex",
                "type": "string"
            },
            "suffix": {
                "description": "Suffix the append to the capture group after applying the regex",
                "type": "string"
            }
        },
        "type": "object"
    },
    "description": "Permit local dialing by converting the dialed number to a routable form",
    "properties": {
        "system": {
            "description": "List of system dial plans",
            "items": {
                "type": "string"
            },
            "type": "array"
        }
    },
    "type": "object"
},
  "endpoint.media": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "endpoint.media",
    "description": "Schema for endpoint media options",
    "properties": {
        "audio": {
            "default": {},
            "description": "The audio media parameters",
            "properties": {
                "codecs": {
                    "description": "A list of audio codecs the endpoint supports",
                    "items": {
                        "enum": [
                            "OPUS",
                            "CELT@32000h",
                            "G7221@32000h",
                            "G7221@16000h",
                            "G722",
                            "speex@32000h",
                            "speex@16000h",
                            "PCMU",
                            "PCMA",
                            "G729",
                            "GSM",
                            "CELT@48000h",
                            "CELT@64000h",
                            "G722_16",
                            "G722_32",
                            "CELT_48",
                            "CELT_64",
                            "Speex",
                            "speex"
                        ],
                        "type": "string"
                    },
                    "type": "array",
                    "uniqueItems": true
                }
            },
            "type": "object"
        },
        "bypass_media": {
            "description": "Default bypass media mode (The string type is deprecated, please use this as a boolean)",
            "oneOf": [
                {
                    "type": "boolean"
                },
                {
                    "enum": [
                        "auto",
                        "false",
                        "true"
                    ],
                    "type": "string"
                }
            ]
        },
        "encryption": {
            "default": {},
            "description": "Encryption Parameters",
            "properties": {
                "enforce_security": {
                    "default": false,
                    "description": "Is Encryption Enabled?",
                    "type": "boolean"
                },
                "methods": {
                    "default": [],
                    "description": "Supported Encryption Types",
                    "items": {
                        "enum": [
                            "zrtp",
                            "srtp"
                        ],
                        "type": "string"
                    },
                    "type": "array"
                }
            },
            "type": "object"
        },
        "fax_option": {
            "description": "Is T.38 Supported?",
            "type": "boolean"
        },
        "ignore_early_media": {
            "description": "The option to determine if early media from the endpoint should always be ignored",
            "type": "boolean"
        },
        "progress_timeout": {
            "description": "The progress timeout to apply to the endpoint (seconds)",
            "type": "integer"
        },
        "video": {
            "default": {},
            "description": "The video media parameters",
            "properties": {
                "codecs": {
                    "default": [],
                    "description": "A list of video codecs the endpoint supports",
                    "items": {
                        "enum": [
                            "H261",
                            "H263",
                            "H264",
                            "VP8"
                        ],
                        "type": "string"
                    },
                    "type": "array",
                    "uniqueItems": true
                }
            },
            "type": "object"
        }
    },
    "type": "object"
},
  "formatters": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "formatters",
    "description": "Schema for request formatters",
    "patternProperties": {
        "^[[:alnum:]_]+$": {
            "description": "Key to match in the route request JSON",
            "oneOf": [
                {
                    "items": {
                        "$ref": "formatters.format_options"
                    },
                    "type": "array"
                },
                {
                    "$ref": "formatters.format_options"
                }
            ]
        }
    },
    "type": "object"
},
  "formatters.format_options": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "formatters.format_options",
    "description": "Schema for formatter options",
    "properties": {
        "direction": {
            "description": "Only apply the formatter on the relevant request direction",
            "enum": [
                "inbound",
                "outbound",
                "both"
            ],
            "type": "string"
        },
        "match_invite_format": {
            "description": "Applicable on fields with SIP URIs. Will format the username portion to match the invite format of the outbound request.",
            "type": "boolean"
        },
        "prefix": {
            "description": "Prepends value against the result of a successful regex match",
            "type": "string"
        },
        "regex": {
            "description": "Matches against the value, with optional capture group",
            "format": "regex",
            "type": "string"
        },
        "strip": {
            "description": "If set to true, the field will be stripped from the payload",
            "type": "boolean"
        },
        "suffix": {
            "description": "Appends value against the result of a successful regex match",
            "type": "string"
        },
        "value": {
            "description": "Replaces the current value with the static value defined",
            "type": "string"
        }
    },
    "type": "object"
},
  "ledgers": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "ledgers",
    "description": "ledgers document",
    "properties": {
        "account": {
            "description": "Account info",
            "properties": {
                "id": {
                    "description": "Account ID",
                    "type": "string"
                },
                "name": {
                    "description": "Account name",
                    "type": "string"
                }
            },
            "type": "object"
        },
        "amount": {
            "description": "Ledger amount, in currency amount",
            "minimum": 1,
            "type": "number"
        },
        "description": {
            "description": "Useful description for ledger",
            "type": "string"
        },
        "metadata": {
            "description": "Metadata for ledger document",
            "type": "object"
        },
        "period": {
            "description": "Period of ledger",
            "properties": {
                "end": {
                    "description": "Period end",
                    "type": "integer"
                },
                "start": {
                    "description": "Period start",
                    "type": "integer"
                }
            },
            "type": "object"
        },
        "source": {
            "description": "Origin of ledger",
            "properties": {
                "id": {
                    "description": "Source ID",
                    "type": "string"
                },
                "service": {
                    "description": "Source service",
                    "type": "string"
                }
            },
            "required": [
                "id",
                "service"
            ],
            "type": "object"
        },
        "usage": {
            "description": "Usage for ledger",
            "properties": {
                "quantity": {
                    "description": "Usage quantity",
                    "type": "integer"
                },
                "type": {
                    "description": "Usage type",
                    "type": "string"
                },
                "unit": {
                    "description": "Usage unit",
                    "type": "string"
                }
            },
            "required": [
                "quantity",
                "type",
                "unit"
            ],
            "type": "object"
        }
    },
    "required": [
        "source",
        "usage"
    ],
    "type": "object"
},
  "limits": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "limits",
    "description": "Limit an account's ability to place concurrent calls using flat rate trunks",
    "properties": {
        "allow_prepay": {
            "default": true,
            "description": "Determines if the account would like to allow per-minute calls if they have no available credit",
            "support_level": "supported",
            "type": "boolean"
        },
        "authz_resource_types": {
            "default": [],
            "description": "List of Resource-Types that will authorize the call; bypassing limit checks and billing",
            "items": {
                "type": "string"
            },
            "support_level": "beta",
            "type": "array"
        },
        "burst_trunks": {
            "description": "The number of two-way, flat-rate trunks used only if no other trunks are available",
            "minimum": 0,
            "support_level": "beta",
            "type": "integer"
        },
        "calls": {
            "description": "A hard limit for the total number calls",
            "minimum": 0,
            "support_level": "beta",
            "type": "integer"
        },
        "inbound_trunks": {
            "description": "The number of inbound, flat-rate trunks",
            "minimum": 0,
            "support_level": "supported",
            "type": "integer"
        },
        "outbound_trunks": {
            "description": "The number of outbound, flat-rate trunks",
            "minimum": 0,
            "support_level": "supported",
            "type": "integer"
        },
        "resource_consuming_calls": {
            "description": "A hard limit for the number of resource consuming calls",
            "minimum": 0,
            "support_level": "beta",
            "type": "integer"
        },
        "twoway_trunks": {
            "description": "The number of two-way, flat-rate trunks",
            "minimum": 0,
            "support_level": "beta",
            "type": "integer"
        }
    },
    "type": "object"
},
  "metaflow": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "metaflow",
    "description": "A metaflow node defines a module to execute, data to provide to that module, and one or more children to branch to",
    "properties": {
        "children": {
            "description": "Children metaflows",
            "patternProperties": {
                ".+": {
                    "$ref": "metaflow"
                }
            },
            "type": "object"
        },
        "data": {
            "default": {},
            "description": "The data/arguments of the metaflow module",
            "kazoo-validation": true,
            "type": "object"
        },
        "module": {
            "description": "The name of the metaflow module to execute at this node",
            "kazoo-validation": true,
            "maxLength": 64,
            "minLength": 1,
            "type": "string"
        }
    },
    "required": [
        "module"
    ],
    "type": "object"
},
  "metaflows": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "metaflows",
    "description": "Actions applied to a call outside of the normal callflow, initiated by the caller(s)",
    "properties": {
        "binding_digit": {
            "default": "*",
            "description": "What DTMF will trigger the collection and analysis of the subsequent DTMF sequence",
            "enum": [
                "1",
                "2",
                "3",
                "4",
                "5",
                "6",
                "7",
                "8",
                "9",
                "0",
                "*",
                "#"
            ],
            "maxLength": 1,
            "minLength": 1,
            "type": "string"
        },
        "digit_timeout": {
            "description": "How long to wait between DTMF presses before processing the collected sequence (milliseconds)",
            "minimum": 0,
            "type": "integer"
        },
        "listen_on": {
            "description": "Which leg(s) of the call to listen for DTMF",
            "enum": [
                "both",
                "self",
                "peer"
            ],
            "type": "string"
        },
        "numbers": {
            "additionalProperties": false,
            "description": "A list of static numbers with their flows",
            "patternProperties": {
                "^[0-9]+$": {
                    "$ref": "metaflow"
                }
            },
            "type": "object"
        },
        "patterns": {
            "additionalProperties": false,
            "description": "A list of patterns with their flows",
            "patternProperties": {
                ".+": {
                    "$ref": "metaflow"
                }
            },
            "type": "object"
        }
    },
    "type": "object"
},
  "notify.callback": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "notify.callback",
    "description": "Schema for a callback options",
    "properties": {
        "attempts": {
            "description": "How many attempts without answer will system do",
            "type": "integer"
        },
        "disabled": {
            "description": "Determines if the system will call to callback number",
            "type": "boolean"
        },
        "interval_s": {
            "description": "How long will system wait between call back notification attempts",
            "type": "integer"
        },
        "number": {
            "description": "Number for callback notifications about new messages",
            "type": "string"
        },
        "schedule": {
            "description": "Schedules interval between callbacks",
            "items": {
                "description": "callbacks interval",
                "type": "integer"
            },
            "type": "array"
        },
        "timeout_s": {
            "description": "How long will system wait for answer to callback",
            "type": "integer"
        }
    },
    "type": "object"
},
  "profile": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "profile",
    "description": "Defines user extended properties",
    "properties": {
        "addresses": {
            "description": "To specify the components of the addresses",
            "items": {
                "properties": {
                    "address": {
                        "description": "To specify the address",
                        "type": "string"
                    },
                    "types": {
                        "description": "To specify types of the address",
                        "items": {
                            "enum": [
                                "dom",
                                "postal",
                                "intl",
                                "parcel",
                                "home",
                                "work",
                                "pref"
                            ]
                        },
                        "type": "array"
                    }
                },
                "type": "object"
            },
            "type": "array"
        },
        "assistant": {
            "description": "To specify the user's assistant",
            "type": "string"
        },
        "birthday": {
            "description": "To specify the birth date of the user",
            "type": "string"
        },
        "nicknames": {
            "description": "To specify the text corresponding to the nickname of the user",
            "items": {
                "type": "string"
            },
            "type": "array"
        },
        "note": {
            "description": "To specify supplemental information or a comment that is associated with the user",
            "type": "string"
        },
        "role": {
            "description": "To specify the function or part played in a particular situation by the user",
            "type": "string"
        },
        "sort-string": {
            "description": "To specify the family name or given name text to be used for national-language-specific sorting of the FN and N types",
            "type": "string"
        },
        "title": {
            "description": "To specify the position or job of the user",
            "type": "string"
        }
    },
    "type": "object"
},
  "user_auth": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "user_auth",
    "description": "Provides an auth-token via user credentials",
    "properties": {
        "account_name": {
            "description": "The account name of the user",
            "maxLength": 128,
            "minLength": 1,
            "type": "string"
        },
        "account_realm": {
            "description": "The account realm of the user",
            "maxLength": 253,
            "minLength": 4,
            "pattern": "^[.\\w_-]+$",
            "type": "string"
        },
        "credentials": {
            "description": "A hash of the user credentials",
            "maxLength": 64,
            "minLength": 1,
            "type": "string"
        },
        "method": {
            "default": "md5",
            "description": "The hash method",
            "enum": [
                "md5",
                "sha"
            ],
            "type": "string"
        },
        "phone_number": {
            "description": "A phone number assigned to the users account",
            "maxLength": 64,
            "minLength": 1,
            "type": "string"
        }
    },
    "required": [
        "credentials"
    ],
    "type": "object"
},
  "users": {
    "$schema": "http://json-schema.org/draft-04/schema#",
    "_id": "users",
    "description": "Schema for a user",
    "properties": {
        "call_forward": {
            "description": "The device call forward parameters",
            "properties": {
                "direct_calls_only": {
                    "default": false,
                    "description": "Determines if the calls that are not directly sent to the device should be forwarded",
                    "type": "boolean"
                },
                "enabled": {
                    "default": false,
                    "description": "Determines if the call forwarding should be used",
                    "type": "boolean"
                },
                "failover": {
                    "default": false,
                    "description": "Enable the call-forwarding parameters if the device is offline",
                    "type": "boolean"
                },
                "ignore_early_media": {
                    "default": true,
                    "description": "The option to determine if early media from the call forwarded number should ignored",
                    "type": "boolean"
                },
                "keep_caller_id": {
                    "default": true,
                    "description": "Determines if the caller id is kept when the call is forwarded, if not the devices caller id is used",
                    "support_level": "supported",
                    "type": "boolean"
                },
                "number": {
                    "description": "The number to forward calls to",
                    "maxLength": 35,
                    "support_level": "supported",
                    "type": "string"
                },
                "require_keypress": {
                    "default": true,
                    "description": "Determines if the callee is prompted to press 1 to accept the call",
                    "type": "boolean"
                },
                "substitute": {
                    "default": true,
                    "description": "Determines if the call forwarding replaces the device",
                    "type": "boolean"
                }
            },
            "type": "object"
        },
        "call_recording": {
            "$ref": "call_recording"
        },
        "call_restriction": {
            "additionalProperties": {
                "properties": {
                    "action": {
                        "description": "If set to deny all calls of this type will be rejected.  If set to inherit the user/device rules apply",
                        "enum": [
                            "inherit",
                            "deny"
                        ],
                        "type": "string"
                    }
                },
                "type": "object"
            },
            "default": {},
            "description": "Device level call restrictions for each available number classification",
            "type": "object"
        },
        "call_waiting": {
            "$ref": "call_waiting"
        },
        "caller_id": {
            "$ref": "caller_id",
            "description": "The device caller ID parameters"
        },
        "caller_id_options": {
            "description": "custom properties for configuring caller_id",
            "properties": {
                "outbound_privacy": {
                    "description": "Determines what appears as caller id for offnet outbound calls. Values: full - hides name and number; name - hides only name; number - hides only number; none - hides nothing",
                    "enum": [
                        "full",
                        "name",
                        "number",
                        "none"
                    ],
                    "type": "string"
                }
            },
            "type": "object"
        },
        "contact_list": {
            "default": {},
            "description": "Contact List Parameters",
            "properties": {
                "exclude": {
                    "description": "If set to true the device is excluded from the contact list",
                    "support_level": "supported",
                    "type": "boolean"
                }
            },
            "type": "object"
        },
        "dial_plan": {
            "$ref": "dialplans",
            "description": "A list of rules used to modify dialed numbers"
        },
        "directories": {
            "description": "Provides the mappings for what directory the user is a part of (the key), and what callflow (the value) to invoke if the user is selected by the caller.",
            "type": "object"
        },
        "do_not_disturb": {
            "description": "DND Parameters",
            "properties": {
                "enabled": {
                    "description": "Is do-not-disturb enabled for this user?",
                    "type": "boolean"
                }
            },
            "type": "object"
        },
        "email": {
            "description": "The email of the user",
            "format": "email",
            "maxLength": 254,
            "minLength": 3,
            "support_level": "supported",
            "type": "string"
        },
        "enabled": {
            "default": true,
            "description": "Determines if the user is currently enabled",
            "support_level": "supported",
            "type": "boolean"
        },
        "feature_level": {
            "description": "The user level for assigning feature sets",
            "type": "string"
        },
        "first_name": {
            "description": "The first name of the user",
            "maxLength": 128,
            "minLength": 1,
            "support_level": "supported",
            "type": "string"
        },
        "flags": {
            "description": "Flags set by external applications",
            "items": {
                "type": "string"
            },
            "support_level": "supported",
            "type": "array"
        },
        "formatters": {
            "$ref": "formatters",
            "type": "object"
        },
        "hotdesk": {
            "default": {},
            "description": "The user hotdesk parameters",
            "properties": {
                "enabled": {
                    "default": false,
                    "description": "Determines if the user has hotdesking enabled",
                    "type": "boolean"
                },
                "id": {
                    "description": "The users hotdesk id",
                    "maxLength": 15,
                    "type": "string"
                },
                "keep_logged_in_elsewhere": {
                    "default": false,
                    "description": "Determines if user should be able to login to multiple phones simultaneously",
                    "type": "boolean"
                },
                "pin": {
                    "description": "The users hotdesk pin number",
                    "maxLength": 15,
                    "minLength": 4,
                    "type": "string"
                },
                "require_pin": {
                    "default": false,
                    "description": "Determines if user requires a pin to change the hotdesk state",
                    "type": "boolean"
                }
            },
            "type": "object"
        },
        "language": {
            "description": "The language for this user",
            "support_level": "supported",
            "type": "string"
        },
        "last_name": {
            "description": "The last name of the user",
            "maxLength": 128,
            "minLength": 1,
            "support_level": "supported",
            "type": "string"
        },
        "media": {
            "$ref": "endpoint.media",
            "description": "Configure audio/video/etc media options for this user"
        },
        "metaflows": {
            "$ref": "metaflows",
            "description": "The device metaflow parameters"
        },
        "music_on_hold": {
            "default": {},
            "description": "The music on hold parameters used if not a property of the device owner",
            "properties": {
                "media_id": {
                    "description": "The ID of a media object that should be used as the music on hold",
                    "maxLength": 128,
                    "type": "string"
                }
            },
            "type": "object"
        },
        "password": {
            "description": "The GUI login password",
            "support_level": "supported",
            "type": "string"
        },
        "presence_id": {
            "description": "Static presence ID (used instead of SIP username)",
            "support_level": "supported",
            "type": "string"
        },
        "priv_level": {
            "default": "user",
            "description": "The privilege level of the user",
            "enum": [
                "user",
                "admin"
            ],
            "support_level": "supported",
            "type": "string"
        },
        "profile": {
            "$ref": "profile",
            "description": "User's profile data"
        },
        "pronounced_name": {
            "description": "Name pronounced by user to introduce himself to conference members",
            "properties": {
                "media_id": {
                    "description": "The ID of a media object that should be used as the music on hold",
                    "maxLength": 128,
                    "type": "string"
                }
            },
            "type": "object"
        },
        "require_password_update": {
            "default": false,
            "description": "UI flag that the user should update their password.",
            "type": "boolean"
        },
        "ringtones": {
            "default": {},
            "description": "Ringtone Parameters",
            "properties": {
                "external": {
                    "description": "The alert info SIP header added when the call is from internal sources",
                    "maxLength": 256,
                    "type": "string"
                },
                "internal": {
                    "description": "The alert info SIP header added when the call is from external sources",
                    "maxLength": 256,
                    "type": "string"
                }
            },
            "type": "object"
        },
        "timezone": {
            "description": "User's timezone",
            "support_level": "supported",
            "type": "string"
        },
        "username": {
            "description": "The GUI login username - alpha-numeric, dashes, at symbol, periods, plusses, and underscores allowed",
            "maxLength": 256,
            "minLength": 1,
            "pattern": "^([+@.\\w_-]+)$",
            "support_level": "supported",
            "type": "string"
        },
        "verified": {
            "default": false,
            "description": "Determines if the user has been verified",
            "type": "boolean"
        },
        "vm_to_email_enabled": {
            "default": true,
            "description": "Determines if the user would like voicemails emailed to them",
            "type": "boolean"
        },
        "voicemail": {
            "properties": {
                "notify": {
                    "properties": {
                        "callback": {
                            "$ref": "notify.callback"
                        }
                    },
                    "type": "object"
                }
            },
            "type": "object"
        }
    },
    "required": [
        "first_name",
        "last_name"
    ],
    "type": "object"
},
};
