/* modnetwork.c: the network module of the ESP8266 port: the WLAN station and access-point interfaces. */

#include <stdio.h>
#include <string.h>

#include "extmod/binary.h"
#include "ports/esp8266/chip.h"
#include "ports/esp8266/wifi.h"
#include "py/objstr.h"
#include "py/runtime.h"

/*
** What the SDK keeps about the radio lives outside the heap, as on the chip: the station and
** access-point settings (saved in the SDK's parameter sector of the flash, so they survive
** power loss), the association and the addresses. A connection attempt takes a short while,
** as on the air: its outcome is worked out from the world of access points when it is due.
*/

enum { STA_IF = 0, AP_IF = 1 };
enum { STAT_IDLE, STAT_CONNECTING, STAT_WRONG_PASSWORD, STAT_NO_AP_FOUND, STAT_CONNECT_FAIL, STAT_GOT_IP };
enum { AUTH_OPEN, AUTH_WEP, AUTH_WPA_PSK, AUTH_WPA2_PSK, AUTH_WPA_WPA2_PSK, AUTH_MAX };

/* How long the radio takes to learn each outcome, in microseconds. */
#define DELAY_GOT_IP_US (800000u)
#define DELAY_WRONG_PASSWORD_US (1500000u)
#define DELAY_NO_AP_US (2500000u)

/* The SDK's saved settings: one record at the start of the system-parameter sector. */
#define SAVED_MAGIC (0x49465745u) /* "EWFI" */
#define SAVED_SECTOR_FROM_END (0x3000u)

typedef struct saved_config_t {
    uint32_t magic;
    uint8_t sta_active, ap_active, ap_authmode, ap_channel, ap_hidden, sta_bssid_set;
    uint8_t sta_no_auto_connect; /* config(auto_connect=False): no joining at power-on */
    uint8_t pad;
    char sta_ssid[33];
    char sta_key[65];
    uint8_t sta_bssid[6];
    char ap_ssid[33];
    char ap_key[65];
} saved_config_t;

typedef struct ip4_config_t {
    uint8_t ip[4], mask[4], gw[4];
} ip4_config_t;

static struct {
    bool loaded;
    saved_config_t saved;
    bool connecting;          /* an attempt (or retry) runs since connect_at_us */
    uint64_t connect_at_us;
    uint8_t sta_status;
    bool sta_static_ip;       /* the station's DHCP client is stopped (a static address) */
    ip4_config_t sta_ip, ap_ip;
    uint8_t dns[4];           /* the IP stack has one DNS server for both interfaces */
    es_wifi_ap_t joined;      /* the access point the station is with */
    uint8_t mac[2][6];
    bool mac_set[2];
    char hostname[33];
    char country[3];
    uint8_t phy_mode, pm;
} wifi;

static const uint8_t default_dns[4] = {208, 67, 222, 222};

/* ---- settings in flash ------------------------------------------------------------------ */

static uint32_t saved_addr(void) { return es_chip_flash_size() - SAVED_SECTOR_FROM_END; }

static void save_config(void) {
    uint32_t addr = saved_addr();
    es_chip_flash_erase_sector(addr / ES_CHIP_FLASH_SECTOR_SIZE);
    es_chip_flash_write(addr, &wifi.saved, sizeof(wifi.saved));
}

/* On first use: the saved settings, or a fresh chip's (AP on as ESP_xxxxxx, open; STA off). */
static void load_config(void) {
    if (wifi.loaded) {
        return;
    }
    wifi.loaded = true;
    es_chip_flash_read(saved_addr(), &wifi.saved, sizeof(wifi.saved));
    if (wifi.saved.magic != SAVED_MAGIC) {
        memset(&wifi.saved, 0, sizeof(wifi.saved));
        wifi.saved.magic = SAVED_MAGIC;
        wifi.saved.ap_active = 1;
        wifi.saved.ap_channel = 1;
        uint8_t mac[6];
        es_chip_mac(AP_IF, mac);
        snprintf(wifi.saved.ap_ssid, sizeof(wifi.saved.ap_ssid), "ESP_%02X%02X%02X", mac[3], mac[4], mac[5]);
    }
    wifi.saved.sta_ssid[32] = wifi.saved.sta_key[64] = wifi.saved.ap_ssid[32] = wifi.saved.ap_key[64] = '\0';
    static const ip4_config_t ap_ip = {{192, 168, 4, 1}, {255, 255, 255, 0}, {192, 168, 4, 1}};
    wifi.ap_ip = ap_ip;
    memcpy(wifi.dns, default_dns, 4);
    strcpy(wifi.hostname, "mpy-esp8266");
    strcpy(wifi.country, "XX");
    wifi.phy_mode = 3;
    /* The SDK joins the saved network by itself after power-on (unless told not to). */
    if (wifi.saved.sta_active && wifi.saved.sta_ssid[0] != '\0' && !wifi.saved.sta_no_auto_connect) {
        wifi.connecting = true;
        wifi.connect_at_us = es_chip_uptime_us();
    }
}

void es_network_hard_reset(void) {
    if (wifi.loaded && wifi.saved.sta_active && wifi.saved.sta_ssid[0] != '\0' && !wifi.saved.sta_no_auto_connect) {
        wifi.connecting = true;
        wifi.connect_at_us = 0;
        wifi.sta_status = STAT_CONNECTING;
    }
}

/* ---- the station's association ------------------------------------------------------------ */

static bool find_ap(es_wifi_ap_t *out, size_t *index) {
    es_wifi_ap_t ap;
    for (size_t i = 0; es_wifi_world_ap(i, &ap); i++) {
        if (strcmp(ap.ssid, wifi.saved.sta_ssid) == 0 &&
            (!wifi.saved.sta_bssid_set || memcmp(ap.bssid, wifi.saved.sta_bssid, 6) == 0)) {
            *out = ap;
            *index = i;
            return true;
        }
    }
    return false;
}

static void give_address(size_t index) {
    if (wifi.sta_static_ip) {
        return;
    }
    /* Each simulated network is 192.168.<n>.0/24 with its router at .1. */
    uint8_t net = (uint8_t)(index + 1 == 4 ? 250 : index + 1);
    ip4_config_t c = {{192, 168, net, 100}, {255, 255, 255, 0}, {192, 168, net, 1}};
    wifi.sta_ip = c;
    memcpy(wifi.dns, c.gw, 4); /* the router's DHCP offer names itself as DNS server */
}

/* The DNS server the lease named stays set, as in lwIP. */
static void drop_address(void) {
    if (!wifi.sta_static_ip) {
        memset(&wifi.sta_ip, 0, sizeof(wifi.sta_ip));
    }
}

/* The station's status now, settling an attempt whose time has come. */
static int sta_status(void) {
    load_config();
    if (!wifi.saved.sta_active) {
        return STAT_IDLE;
    }
    es_wifi_ap_t ap;
    size_t index;
    bool found = find_ap(&ap, &index);
    if (wifi.connecting) {
        uint64_t waited = es_chip_uptime_us() - wifi.connect_at_us;
        bool key_ok = ap.authmode == AUTH_OPEN || strcmp(ap.key, wifi.saved.sta_key) == 0;
        if (!found) {
            wifi.sta_status = waited >= DELAY_NO_AP_US ? STAT_NO_AP_FOUND : STAT_CONNECTING;
        } else if (!key_ok) {
            wifi.sta_status = waited >= DELAY_WRONG_PASSWORD_US ? STAT_WRONG_PASSWORD : STAT_CONNECTING;
        } else if (waited >= DELAY_GOT_IP_US) {
            wifi.connecting = false;
            wifi.sta_status = STAT_GOT_IP;
            wifi.joined = ap;
            give_address(index);
        } else {
            wifi.sta_status = STAT_CONNECTING;
        }
    } else if (wifi.sta_status == STAT_GOT_IP && !found) {
        /* The network went away: the SDK keeps trying to get it back. */
        drop_address();
        wifi.connecting = true;
        wifi.connect_at_us = es_chip_uptime_us();
        wifi.sta_status = STAT_CONNECTING;
    }
    return wifi.sta_status;
}

static void start_connecting(void) {
    wifi.connecting = true;
    wifi.connect_at_us = es_chip_uptime_us();
    wifi.sta_status = STAT_CONNECTING;
    drop_address();
}

static void stop_connecting(void) {
    wifi.connecting = false;
    wifi.sta_status = STAT_IDLE;
    drop_address();
}

/* ---- WLAN objects ----------------------------------------------------------------------- */

typedef struct wlan_obj_t {
    es_obj_base_t base;
    int if_id;
} wlan_obj_t;

static const es_type_t wlan_type;
static const wlan_obj_t wlan_sta = {{&wlan_type}, STA_IF};
static const wlan_obj_t wlan_ap = {{&wlan_type}, AP_IF};

static int if_of(es_obj_t self) { return ((const wlan_obj_t *)es_obj_to_ptr(self))->if_id; }

static void require_if(es_obj_t self, int if_id) {
    if (if_of(self) != if_id) {
        es_raise_msg(&es_type_OSError, if_id == STA_IF ? "STA required" : "AP required");
    }
}

static es_obj_t wlan_make_new(const es_type_t *type, size_t n_args, size_t n_kw, const es_obj_t *args) {
    ES_UNUSED(type);
    es_arg_check_num(n_args, n_kw, 0, 1, false);
    es_int_t idx = n_args > 0 ? es_obj_get_int(args[0]) : STA_IF;
    if (idx != STA_IF && idx != AP_IF) {
        es_raise_msg(&es_type_ValueError, "invalid WLAN interface identifier");
    }
    load_config();
    return es_obj_from_ptr((void *)(idx == STA_IF ? &wlan_sta : &wlan_ap));
}

static void wlan_print(const es_print_t *print, es_obj_t self, es_print_kind_t kind) {
    ES_UNUSED(kind);
    es_printf(print, "<WLAN %s>", if_of(self) == STA_IF ? "STA_IF" : "AP_IF");
}

static es_obj_t wlan_active(size_t n_args, const es_obj_t *args) {
    int if_id = if_of(args[0]);
    uint8_t *flag = if_id == STA_IF ? &wifi.saved.sta_active : &wifi.saved.ap_active;
    if (n_args == 1) {
        return es_obj_new_bool(*flag);
    }
    bool on = es_obj_is_true(args[1]);
    if (on == (bool)*flag) {
        return ES_OBJ_NONE;
    }
    *flag = on;
    if (if_id == STA_IF) {
        if (on && wifi.saved.sta_ssid[0] != '\0') {
            start_connecting();
        } else {
            stop_connecting();
        }
    }
    save_config();
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(wlan_active_obj, ES_Q_active, 1, 2, wlan_active);

/* Copies a str/bytes argument of at most max bytes into out (NUL-terminated). */
static void copy_text_arg(es_obj_t arg, char *out, size_t max, const char *what) {
    size_t len;
    const char *data = es_obj_str_get_data(arg, &len);
    if (len > max || strlen(data) < len) {
        es_raise_msg_varg(&es_type_ValueError, "invalid %s", what);
    }
    memcpy(out, data, len);
    out[len] = '\0';
}

static void copy_bssid_arg(es_obj_t arg, uint8_t out[6]) {
    es_buffer_info_t info;
    es_get_buffer_raise(arg, &info, ES_BUFFER_READ);
    if (info.len != 6) {
        es_raise_msg(&es_type_ValueError, "invalid buffer length");
    }
    memcpy(out, info.buf, 6);
}

/* connect(ssid=None, key=None, *, bssid=None): starts joining; status() tells how it went. */
static es_obj_t wlan_connect(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    static const es_arg_t allowed[] = {
        {ES_Q_ssid, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_key, ES_ARG_OBJ, {.u_obj = ES_OBJ_NONE}},
        {ES_Q_bssid, ES_ARG_OBJ | ES_ARG_KW_ONLY, {.u_obj = ES_OBJ_NONE}},
    };
    es_arg_val_t vals[ES_ARRAY_SIZE(allowed)];
    es_arg_parse_all(n_args - 1, args + 1, kw, ES_ARRAY_SIZE(allowed), allowed, vals);
    require_if(args[0], STA_IF);
    saved_config_t config = wifi.saved;
    if (vals[0].u_obj != ES_OBJ_NONE) {
        copy_text_arg(vals[0].u_obj, config.sta_ssid, 32, "ssid");
        config.sta_key[0] = '\0';
        config.sta_bssid_set = 0;
    }
    if (vals[1].u_obj != ES_OBJ_NONE) {
        copy_text_arg(vals[1].u_obj, config.sta_key, 64, "key");
    }
    if (vals[2].u_obj != ES_OBJ_NONE) {
        copy_bssid_arg(vals[2].u_obj, config.sta_bssid);
        config.sta_bssid_set = 1;
    }
    if (!wifi.saved.sta_active) {
        es_raise_msg(&es_type_OSError, "Cannot connect to AP");
    }
    wifi.saved = config;
    save_config();
    start_connecting();
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(wlan_connect_obj, ES_Q_connect, 1, wlan_connect);

static es_obj_t wlan_disconnect(es_obj_t self) {
    require_if(self, STA_IF);
    stop_connecting();
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_1(wlan_disconnect_obj, ES_Q_disconnect, wlan_disconnect);

static size_t station_count(void) {
    if (!wifi.saved.ap_active) {
        return 0;
    }
    uint8_t mac[6], ip[4];
    size_t n = 0;
    while (es_wifi_world_station(n, mac, ip)) {
        n++;
    }
    return n;
}

static es_obj_t wlan_isconnected(es_obj_t self) {
    if (if_of(self) == STA_IF) {
        return es_obj_new_bool(sta_status() == STAT_GOT_IP);
    }
    return es_obj_new_bool(station_count() > 0);
}
static ES_DEFINE_FUN_1(wlan_isconnected_obj, ES_Q_isconnected, wlan_isconnected);

static es_obj_t new_ip_str(const uint8_t ip[4]) {
    char text[16];
    int n = snprintf(text, sizeof(text), "%u.%u.%u.%u", ip[0], ip[1], ip[2], ip[3]);
    return es_obj_new_str(text, (size_t)n);
}

/* status(): the station's state (the AP has none: -1); status('rssi'), status('stations'). */
static es_obj_t wlan_status(size_t n_args, const es_obj_t *args) {
    if (n_args == 1) {
        return es_obj_new_small_int(if_of(args[0]) == STA_IF ? sta_status() : -1);
    }
    es_qstr_t param = es_obj_str_get_qstr(args[1]);
    if (param == ES_Q_rssi && if_of(args[0]) == STA_IF) {
        /* The AP has no RSSI: an unknown parameter there, as in MicroPython. */
        return es_obj_new_small_int(sta_status() == STAT_GOT_IP ? wifi.joined.rssi : 31);
    }
    if (param == ES_Q_stations) {
        require_if(args[0], AP_IF);
        es_obj_t list = es_obj_new_list(0, NULL);
        uint8_t mac[6], ip[4];
        for (size_t i = 0; wifi.saved.ap_active && es_wifi_world_station(i, mac, ip); i++) {
            es_obj_t pair[2] = {es_obj_new_bytes(mac, 6), new_ip_str(ip)};
            es_obj_list_append(list, es_obj_new_tuple(2, pair));
        }
        return list;
    }
    es_raise_msg(&es_type_ValueError, "unknown status param");
}
static ES_DEFINE_FUN_VAR(wlan_status_obj, ES_Q_status, 1, 2, wlan_status);

/* scan(): the networks in range, as (ssid, bssid, channel, RSSI, security, hidden). */
static es_obj_t wlan_scan(es_obj_t self) {
    require_if(self, STA_IF);
    if (!wifi.saved.sta_active) {
        es_raise_msg(&es_type_OSError, "STA must be active");
    }
    /* A scan takes the radio a moment. */
    es_chip_wait_event(50000);
    es_obj_t list = es_obj_new_list(0, NULL);
    es_wifi_ap_t ap;
    for (size_t i = 0; es_wifi_world_ap(i, &ap); i++) {
        const char *ssid = ap.hidden ? "" : ap.ssid;
        es_obj_t items[6] = {
            es_obj_new_bytes((const uint8_t *)ssid, strlen(ssid)),
            es_obj_new_bytes(ap.bssid, 6),
            es_obj_new_small_int(ap.channel),
            es_obj_new_small_int(ap.rssi),
            es_obj_new_small_int(ap.authmode),
            es_obj_new_small_int(ap.hidden),
        };
        es_obj_list_append(list, es_obj_new_tuple(6, items));
    }
    return list;
}
static ES_DEFINE_FUN_1(wlan_scan_obj, ES_Q_scan, wlan_scan);

/* "a.b.c.d" -> 4 bytes; false when it is not one. */
static bool parse_ip(es_obj_t text_obj, uint8_t out[4]) {
    if (!es_obj_is_str(text_obj)) {
        return false;
    }
    size_t len;
    const char *s = es_obj_str_get_data(text_obj, &len);
    const char *end = s + len;
    for (int part = 0; part < 4; part++) {
        unsigned value = 0, digits = 0;
        while (s < end && *s >= '0' && *s <= '9' && digits < 4) {
            value = value * 10 + (unsigned)(*s++ - '0');
            digits++;
        }
        if (digits == 0 || value > 255) {
            return false;
        }
        out[part] = (uint8_t)value;
        if (part < 3) {
            if (s >= end || *s != '.') {
                return false;
            }
            s++;
        }
    }
    return s == end;
}

static void parse_ip_or_raise(es_obj_t text, uint8_t out[4]) {
    if (!parse_ip(text, out)) {
        es_raise_msg(&es_type_ValueError, "invalid arguments");
    }
}

static void prefix_to_mask(es_int_t prefix, uint8_t mask[4]) {
    if (prefix < 0 || prefix > 32) {
        es_raise_msg(&es_type_ValueError, "invalid arguments");
    }
    uint32_t bits = prefix == 0 ? 0 : 0xffffffffu << (32 - prefix);
    for (int i = 0; i < 4; i++) {
        mask[i] = (uint8_t)(bits >> (24 - 8 * i));
    }
}

static ip4_config_t *ip_config_of(int if_id) { return if_id == STA_IF ? &wifi.sta_ip : &wifi.ap_ip; }

/* The station takes a lease again (if it is with a network): ifconfig('dhcp'), ipconfig(dhcp4=True). */
static void start_dhcp(void) {
    wifi.sta_static_ip = false;
    if (sta_status() == STAT_GOT_IP) {
        es_wifi_ap_t ap;
        size_t index;
        if (find_ap(&ap, &index)) {
            give_address(index);
        }
    }
}

/* ifconfig() -> (ip, mask, gateway, dns); ifconfig((ip, mask, gw, dns)) static; ifconfig('dhcp'). */
static es_obj_t wlan_ifconfig(size_t n_args, const es_obj_t *args) {
    int if_id = if_of(args[0]);
    ip4_config_t *c = ip_config_of(if_id);
    if (n_args == 1) {
        if (if_id == STA_IF) {
            sta_status();
        }
        es_obj_t items[4] = {new_ip_str(c->ip), new_ip_str(c->mask), new_ip_str(c->gw), new_ip_str(wifi.dns)};
        return es_obj_new_tuple(4, items);
    }
    if (es_obj_is_str(args[1])) {
        size_t len;
        const char *mode = es_obj_str_get_data(args[1], &len);
        if (len != 4 || memcmp(mode, "dhcp", 4) != 0) {
            es_raise_msg(&es_type_ValueError, "invalid arguments");
        }
        require_if(args[0], STA_IF);
        start_dhcp();
        return ES_OBJ_NONE;
    }
    es_obj_t *items;
    es_obj_get_array_fixed_n(args[1], 4, &items);
    ip4_config_t next;
    uint8_t dns[4];
    parse_ip_or_raise(items[0], next.ip);
    if (es_obj_is_int(items[1])) {
        prefix_to_mask(es_obj_get_int(items[1]), next.mask);
    } else {
        parse_ip_or_raise(items[1], next.mask);
    }
    parse_ip_or_raise(items[2], next.gw);
    parse_ip_or_raise(items[3], dns);
    *c = next;
    memcpy(wifi.dns, dns, 4);
    if (if_id == STA_IF) {
        wifi.sta_static_ip = true;
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(wlan_ifconfig_obj, ES_Q_ifconfig, 1, 2, wlan_ifconfig);

/* addr4's value: 'a.b.c.d/prefix', 'a.b.c.d' (the mask kept) or (address, mask). */
static void parse_addr4(es_obj_t value, ip4_config_t *c) {
    if (value == ES_OBJ_NONE) {
        return;
    }
    if (!es_obj_is_str(value)) {
        es_obj_t *items;
        es_obj_get_array_fixed_n(value, 2, &items);
        parse_ip_or_raise(items[0], c->ip);
        parse_ip_or_raise(items[1], c->mask);
        return;
    }
    size_t len;
    const char *text = es_obj_str_get_data(value, &len);
    const char *slash = memchr(text, '/', len);
    if (slash == NULL) {
        parse_ip_or_raise(value, c->ip);
        return;
    }
    es_int_t prefix = 0;
    const char *p = slash + 1, *end = text + len;
    if (p == end || end - p > 2) {
        es_raise_msg(&es_type_ValueError, "invalid arguments");
    }
    for (; p < end; p++) {
        if (*p < '0' || *p > '9') {
            es_raise_msg(&es_type_ValueError, "invalid arguments");
        }
        prefix = prefix * 10 + (*p - '0');
    }
    prefix_to_mask(prefix, c->mask);
    parse_ip_or_raise(es_obj_new_str(text, (size_t)(slash - text)), c->ip);
}

/*
** ipconfig('addr4' | 'gw4' | 'dhcp4') reads one setting (dhcp4: the station's DHCP client runs);
** ipconfig(addr4=..., gw4=..., dhcp4=...) changes some, all or nothing. A static address or
** gateway stops the station's DHCP client, as ifconfig((...)) does; the AP has a DHCP server,
** not a client, so dhcp4 is no key of it.
*/
static es_obj_t wlan_ipconfig(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    int if_id = if_of(args[0]);
    ip4_config_t *c = ip_config_of(if_id);
    if (kw->count == 0) {
        if (n_args != 2) {
            es_raise_msg(&es_type_TypeError, "must query one param");
        }
        if (if_id == STA_IF) {
            sta_status();
        }
        switch (es_obj_str_get_qstr(args[1])) {
            case ES_Q_dhcp4:
                if (if_id == STA_IF) {
                    return es_obj_new_bool(!wifi.sta_static_ip);
                }
                break;
            case ES_Q_addr4: {
                es_obj_t pair[2] = {new_ip_str(c->ip), new_ip_str(c->mask)};
                return es_obj_new_tuple(2, pair);
            }
            case ES_Q_gw4:
                return new_ip_str(c->gw);
            default:
                break;
        }
        es_raise_msg(&es_type_ValueError, "unexpected key");
    }
    if (n_args != 1) {
        es_raise_msg(&es_type_TypeError, "can't specify pos and kw args");
    }
    ip4_config_t next = *c;
    bool touched = false;
    int dhcp = -1; /* -1: not named */
    for (size_t i = 0; i < kw->used; i++) {
        if (!es_map_slot_is_filled(kw, i)) {
            continue;
        }
        es_obj_t value = kw->table[i].value;
        switch (es_obj_str_get_qstr(kw->table[i].key)) {
            case ES_Q_dhcp4:
                if (if_id != STA_IF) {
                    es_raise_msg(&es_type_ValueError, "unexpected key");
                }
                dhcp = es_obj_is_true(value);
                break;
            case ES_Q_addr4:
                parse_addr4(value, &next);
                touched = true;
                break;
            case ES_Q_gw4:
                parse_ip_or_raise(value, next.gw);
                touched = true;
                break;
            default:
                es_raise_msg(&es_type_ValueError, "unexpected key");
        }
    }
    if (dhcp == 0 && if_id == STA_IF) {
        wifi.sta_static_ip = true; /* the lease's address stays */
    }
    if (touched) {
        *c = next;
        if (if_id == STA_IF) {
            wifi.sta_static_ip = true;
        }
    }
    if (dhcp == 1) {
        start_dhcp();
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(wlan_ipconfig_obj, ES_Q_ipconfig, 1, wlan_ipconfig);

/* ---- config ---------------------------------------------------------------------------- */

static es_obj_t config_get(es_obj_t self, es_qstr_t param) {
    int if_id = if_of(self);
    switch (param) {
        case ES_Q_mac: {
            uint8_t mac[6];
            if (wifi.mac_set[if_id]) {
                memcpy(mac, wifi.mac[if_id], 6);
            } else {
                es_chip_mac(if_id, mac);
            }
            return es_obj_new_bytes(mac, 6);
        }
        case ES_Q_ssid:
        case ES_Q_essid: {
            const char *ssid = if_id == STA_IF ? wifi.saved.sta_ssid : wifi.saved.ap_ssid;
            return es_obj_new_str(ssid, strlen(ssid));
        }
        case ES_Q_hidden:
            require_if(self, AP_IF);
            return es_obj_new_bool(wifi.saved.ap_hidden);
        case ES_Q_security:
        case ES_Q_authmode:
            require_if(self, AP_IF);
            return es_obj_new_small_int(wifi.saved.ap_authmode);
        case ES_Q_channel:
            require_if(self, AP_IF);
            return es_obj_new_small_int(wifi.saved.ap_channel);
        case ES_Q_hostname:
        case ES_Q_dhcp_hostname:
            require_if(self, STA_IF); /* as MicroPython; network.hostname() is the way now */
            return es_obj_new_str(wifi.hostname, strlen(wifi.hostname));
        case ES_Q_auto_connect:
            return es_obj_new_bool(!wifi.saved.sta_no_auto_connect);
        case ES_Q_protocol:
            return es_obj_new_small_int(wifi.phy_mode);
        case ES_Q_pm:
            return es_obj_new_small_int(wifi.pm);
        default:
            es_raise_msg(&es_type_ValueError, "unknown config param");
    }
}

static void config_set(es_obj_t self, es_qstr_t param, es_obj_t value, bool *changed) {
    switch (param) {
        case ES_Q_mac:
            copy_bssid_arg(value, wifi.mac[if_of(self)]);
            wifi.mac_set[if_of(self)] = true;
            break;
        case ES_Q_ssid:
        case ES_Q_essid:
            require_if(self, AP_IF);
            copy_text_arg(value, wifi.saved.ap_ssid, 32, "ssid");
            *changed = true;
            break;
        case ES_Q_hidden:
            require_if(self, AP_IF);
            wifi.saved.ap_hidden = es_obj_is_true(value);
            *changed = true;
            break;
        case ES_Q_security:
        case ES_Q_authmode: {
            require_if(self, AP_IF);
            es_int_t mode = es_obj_get_int(value);
            if (mode < AUTH_OPEN || mode >= AUTH_MAX) {
                es_raise_msg(&es_type_ValueError, "invalid security mode");
            }
            wifi.saved.ap_authmode = (uint8_t)mode;
            *changed = true;
            break;
        }
        case ES_Q_key:
        case ES_Q_password:
            require_if(self, AP_IF);
            copy_text_arg(value, wifi.saved.ap_key, 64, "key");
            *changed = true;
            break;
        case ES_Q_channel: {
            require_if(self, AP_IF);
            es_int_t channel = es_obj_get_int(value);
            if (channel < 1 || channel > 14) {
                es_raise_msg(&es_type_ValueError, "invalid channel");
            }
            wifi.saved.ap_channel = (uint8_t)channel;
            *changed = true;
            break;
        }
        case ES_Q_hostname:
        case ES_Q_dhcp_hostname:
            copy_text_arg(value, wifi.hostname, 32, "hostname");
            break;
        case ES_Q_protocol: {
            es_int_t mode = es_obj_get_int(value);
            if (mode < 1 || mode > 3) {
                es_raise_msg(&es_type_ValueError, "invalid protocol");
            }
            wifi.phy_mode = (uint8_t)mode;
            break;
        }
        case ES_Q_auto_connect:
            wifi.saved.sta_no_auto_connect = !es_obj_is_true(value);
            *changed = true;
            break;
        case ES_Q_reconnects:
            /* How often the station tries again after losing its network (-1: for ever); the
            ** simulated station always tries again, so the number is only checked. */
            require_if(self, STA_IF);
            es_obj_get_int(value);
            break;
        case ES_Q_txpower:
            es_obj_get_float(value); /* dBm; the simulated radio has no range to change */
            break;
        case ES_Q_pm: {
            es_int_t pm = es_obj_get_int(value);
            if (pm < 0 || pm > 2) {
                es_raise_msg(&es_type_ValueError, "invalid pm");
            }
            wifi.pm = (uint8_t)pm;
            break;
        }
        default:
            es_raise_msg(&es_type_ValueError, "unknown config param");
    }
}

/* config('param') reads one setting; config(param=value, ...) changes some. */
static es_obj_t wlan_config(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    if (n_args != 1 && kw->count != 0) {
        es_raise_msg(&es_type_TypeError, "either pos or kw args are allowed");
    }
    if (kw->count != 0) {
        /* All or nothing: a bad key leaves every setting as it was. */
        saved_config_t before = wifi.saved;
        bool changed = false;
        es_nlr_buf_t nlr;
        if (es_nlr_push(&nlr) == 0) {
            for (size_t i = 0; i < kw->used; i++) {
                if (es_map_slot_is_filled(kw, i)) {
                    config_set(args[0], es_obj_str_get_qstr(kw->table[i].key), kw->table[i].value, &changed);
                }
            }
            es_nlr_pop();
        } else {
            wifi.saved = before;
            es_nlr_jump(nlr.ret_val);
        }
        if (changed) {
            save_config();
        }
        return ES_OBJ_NONE;
    }
    if (n_args != 2) {
        es_raise_msg(&es_type_TypeError, "can query only one param");
    }
    if (!es_obj_is_str(args[1])) {
        es_raise_msg(&es_type_TypeError, "can query only one param");
    }
    return config_get(args[0], es_obj_str_get_qstr(args[1]));
}
static ES_DEFINE_FUN_KW(wlan_config_obj, ES_Q_config, 1, wlan_config);

static const es_map_elem_t wlan_locals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q_active), ES_OBJ_FROM_CONST(wlan_active_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_connect), ES_OBJ_FROM_CONST(wlan_connect_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_disconnect), ES_OBJ_FROM_CONST(wlan_disconnect_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_isconnected), ES_OBJ_FROM_CONST(wlan_isconnected_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_status), ES_OBJ_FROM_CONST(wlan_status_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_scan), ES_OBJ_FROM_CONST(wlan_scan_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ifconfig), ES_OBJ_FROM_CONST(wlan_ifconfig_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ipconfig), ES_OBJ_FROM_CONST(wlan_ipconfig_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_config), ES_OBJ_FROM_CONST(wlan_config_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_IF_STA), ES_OBJ_NEW_SMALL_INT(STA_IF)},
    {ES_OBJ_NEW_QSTR(ES_Q_IF_AP), ES_OBJ_NEW_SMALL_INT(AP_IF)},
    {ES_OBJ_NEW_QSTR(ES_Q_SEC_OPEN), ES_OBJ_NEW_SMALL_INT(AUTH_OPEN)},
    {ES_OBJ_NEW_QSTR(ES_Q_SEC_WEP), ES_OBJ_NEW_SMALL_INT(AUTH_WEP)},
    {ES_OBJ_NEW_QSTR(ES_Q_SEC_WPA), ES_OBJ_NEW_SMALL_INT(AUTH_WPA_PSK)},
    {ES_OBJ_NEW_QSTR(ES_Q_SEC_WPA2), ES_OBJ_NEW_SMALL_INT(AUTH_WPA2_PSK)},
    {ES_OBJ_NEW_QSTR(ES_Q_SEC_WPA_WPA2), ES_OBJ_NEW_SMALL_INT(AUTH_WPA_WPA2_PSK)},
    {ES_OBJ_NEW_QSTR(ES_Q_PM_NONE), ES_OBJ_NEW_SMALL_INT(0)},
    {ES_OBJ_NEW_QSTR(ES_Q_PM_POWERSAVE), ES_OBJ_NEW_SMALL_INT(1)},
    {ES_OBJ_NEW_QSTR(ES_Q_PM_PERFORMANCE), ES_OBJ_NEW_SMALL_INT(2)},
};
static ES_DEFINE_CONST_DICT(wlan_locals_dict, wlan_locals_table);

static const es_type_t wlan_type = {
    .base = {&es_type_type},
    .name = ES_Q_WLAN,
    .print = wlan_print,
    .make_new = wlan_make_new,
    .locals_dict = (es_obj_dict_t *)&wlan_locals_dict,
};

/* ---- module functions -------------------------------------------------------------------- */

static es_obj_t network_hostname(size_t n_args, const es_obj_t *args) {
    load_config();
    if (n_args == 0) {
        return es_obj_new_str(wifi.hostname, strlen(wifi.hostname));
    }
    copy_text_arg(args[0], wifi.hostname, 32, "hostname");
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(network_hostname_obj, ES_Q_hostname, 0, 1, network_hostname);

static es_obj_t network_country(size_t n_args, const es_obj_t *args) {
    load_config();
    if (n_args == 0) {
        return es_obj_new_str(wifi.country, strlen(wifi.country));
    }
    copy_text_arg(args[0], wifi.country, 2, "country");
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(network_country_obj, ES_Q_country, 0, 1, network_country);

static es_obj_t network_phy_mode(size_t n_args, const es_obj_t *args) {
    load_config();
    if (n_args == 0) {
        return es_obj_new_small_int(wifi.phy_mode);
    }
    es_int_t mode = es_obj_get_int(args[0]);
    if (mode < 1 || mode > 3) {
        es_raise_msg(&es_type_ValueError, "invalid phy mode");
    }
    wifi.phy_mode = (uint8_t)mode;
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_VAR(network_phy_mode_obj, ES_Q_phy_mode, 0, 1, network_phy_mode);

/* ipconfig('dns') reads the IP stack's DNS server, ipconfig(dns='a.b.c.d') sets it. */
static es_obj_t network_ipconfig(size_t n_args, const es_obj_t *args, es_map_t *kw) {
    load_config();
    if (kw->count == 0) {
        if (n_args != 1) {
            es_raise_msg(&es_type_TypeError, "must query one param");
        }
        if (es_obj_str_get_qstr(args[0]) != ES_Q_dns) {
            es_raise_msg(&es_type_ValueError, "unexpected key");
        }
        return new_ip_str(wifi.dns);
    }
    if (n_args != 0) {
        es_raise_msg(&es_type_TypeError, "can't specify pos and kw args");
    }
    uint8_t dns[4];
    bool dns_given = false;
    for (size_t i = 0; i < kw->used; i++) {
        if (!es_map_slot_is_filled(kw, i)) {
            continue;
        }
        if (es_obj_str_get_qstr(kw->table[i].key) != ES_Q_dns) {
            es_raise_msg(&es_type_ValueError, "unexpected key");
        }
        size_t len;
        es_obj_str_get_data(kw->table[i].value, &len); /* TypeError for what is not text */
        if (!parse_ip(kw->table[i].value, dns)) {
            es_raise_msg(&es_type_ValueError, "invalid arguments as dns server");
        }
        dns_given = true;
    }
    if (dns_given) {
        memcpy(wifi.dns, dns, 4);
    }
    return ES_OBJ_NONE;
}
static ES_DEFINE_FUN_KW(network_ipconfig_obj, ES_Q_ipconfig, 0, network_ipconfig);

static const es_map_elem_t network_globals_table[] = {
    {ES_OBJ_NEW_QSTR(ES_Q___name__), ES_OBJ_NEW_QSTR(ES_Q_network)},
    {ES_OBJ_NEW_QSTR(ES_Q_WLAN), ES_OBJ_FROM_CONST(wlan_type)},
    {ES_OBJ_NEW_QSTR(ES_Q_hostname), ES_OBJ_FROM_CONST(network_hostname_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_country), ES_OBJ_FROM_CONST(network_country_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_phy_mode), ES_OBJ_FROM_CONST(network_phy_mode_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_ipconfig), ES_OBJ_FROM_CONST(network_ipconfig_obj)},
    {ES_OBJ_NEW_QSTR(ES_Q_STA_IF), ES_OBJ_NEW_SMALL_INT(STA_IF)},
    {ES_OBJ_NEW_QSTR(ES_Q_AP_IF), ES_OBJ_NEW_SMALL_INT(AP_IF)},
    {ES_OBJ_NEW_QSTR(ES_Q_STAT_IDLE), ES_OBJ_NEW_SMALL_INT(STAT_IDLE)},
    {ES_OBJ_NEW_QSTR(ES_Q_STAT_CONNECTING), ES_OBJ_NEW_SMALL_INT(STAT_CONNECTING)},
    {ES_OBJ_NEW_QSTR(ES_Q_STAT_WRONG_PASSWORD), ES_OBJ_NEW_SMALL_INT(STAT_WRONG_PASSWORD)},
    {ES_OBJ_NEW_QSTR(ES_Q_STAT_NO_AP_FOUND), ES_OBJ_NEW_SMALL_INT(STAT_NO_AP_FOUND)},
    {ES_OBJ_NEW_QSTR(ES_Q_STAT_CONNECT_FAIL), ES_OBJ_NEW_SMALL_INT(STAT_CONNECT_FAIL)},
    {ES_OBJ_NEW_QSTR(ES_Q_STAT_GOT_IP), ES_OBJ_NEW_SMALL_INT(STAT_GOT_IP)},
    {ES_OBJ_NEW_QSTR(ES_Q_MODE_11B), ES_OBJ_NEW_SMALL_INT(1)},
    {ES_OBJ_NEW_QSTR(ES_Q_MODE_11G), ES_OBJ_NEW_SMALL_INT(2)},
    {ES_OBJ_NEW_QSTR(ES_Q_MODE_11N), ES_OBJ_NEW_SMALL_INT(3)},
    {ES_OBJ_NEW_QSTR(ES_Q_AUTH_OPEN), ES_OBJ_NEW_SMALL_INT(AUTH_OPEN)},
    {ES_OBJ_NEW_QSTR(ES_Q_AUTH_WEP), ES_OBJ_NEW_SMALL_INT(AUTH_WEP)},
    {ES_OBJ_NEW_QSTR(ES_Q_AUTH_WPA_PSK), ES_OBJ_NEW_SMALL_INT(AUTH_WPA_PSK)},
    {ES_OBJ_NEW_QSTR(ES_Q_AUTH_WPA2_PSK), ES_OBJ_NEW_SMALL_INT(AUTH_WPA2_PSK)},
    {ES_OBJ_NEW_QSTR(ES_Q_AUTH_WPA_WPA2_PSK), ES_OBJ_NEW_SMALL_INT(AUTH_WPA_WPA2_PSK)},
};

ES_DEFINE_CONST_MODULE(es_module_network, network_globals_table);
ES_REGISTER_MODULE(ES_Q_network, es_module_network);
