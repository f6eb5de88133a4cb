/* modsocket.h: what a port needs from the socket module (extmod/modsocket.c). */
#pragma once

#include "py/obj.h"

/*
** ES_SOCKET_MAX_OPEN (port config): how many sockets may be open at once, as a small TCP/IP
** stack allows (the ESP8266 port sets 5); one more raises OSError(ENOMEM). 0 or unset: no
** limit beyond the OS's own.
*/
#ifndef ES_SOCKET_MAX_OPEN
#define ES_SOCKET_MAX_OPEN (0)
#endif

/* Whether one more socket may be opened now (a full table is first given a collection, in case
** forgotten sockets hold slots). Always true without ES_SOCKET_MAX_OPEN. */
bool es_socket_has_room(void);

/* Closes every socket the program left open (soft reset). Only builds with ES_SOCKET_MAX_OPEN
** keep the list this needs; elsewhere it does nothing. */
void es_socket_close_all(void);

/*
** Port hooks, when the port's config sets ES_SOCKET_PORT_HOOKS (the ESP8266 simulator:
** ports/esp8266/sim/wifi.c): bind() addresses are rewritten (the board's ports mapped to host
** ports), setsockopt() options of the port's stack are handled there (lwIP's readable
** callback, option 20; true when taken), every close is told, and so is every accept and
** every read that took data (what a readable callback did).
*/
#ifndef ES_SOCKET_PORT_HOOKS
#define ES_SOCKET_PORT_HOOKS (0)
#endif

/* ES_SOCKET_AS_LWIP: the module answers as lwIP's (MicroPython's ESP8266 port): getaddrinfo gives
** one entry, (AF_INET, SOCK_STREAM, 0, '', (ip, port)), whatever the hints, and the option
** constants have lwIP's numbers (SO_REUSEADDR 4, ...; setsockopt/getsockopt take them). On with
** the port hooks. */
#ifndef ES_SOCKET_AS_LWIP
#define ES_SOCKET_AS_LWIP ES_SOCKET_PORT_HOOKS
#endif
#if ES_SOCKET_PORT_HOOKS
struct sockaddr_storage;
void es_port_socket_bind_addr(struct sockaddr_storage *addr);
bool es_port_socket_setsockopt(es_obj_t sock, int fd, int level, int option, es_obj_t value);
void es_port_socket_closed(int fd);
void es_port_socket_taken(int fd);
#endif
