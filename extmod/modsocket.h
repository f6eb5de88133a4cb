/* modsocket.h: what a port needs from the socket module (extmod/modsocket.c). */
#pragma once

/*
** ES_SOCKET_MAX_OPEN (port config): how many sockets may be open at once, as a small TCP/IP
** stack allows (the ESP8266 port sets 5); one more raises OSError(ENOMEM). 0 or unset: no
** limit beyond the OS's own.
*/
#ifndef ES_SOCKET_MAX_OPEN
#define ES_SOCKET_MAX_OPEN (0)
#endif

/* Closes every socket the program left open (soft reset). Only builds with ES_SOCKET_MAX_OPEN
** keep the list this needs; elsewhere it does nothing. */
void es_socket_close_all(void);
