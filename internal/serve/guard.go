package serve

import (
	"crypto/subtle"
	"html/template"
	"net"
	"net/http"
	"strings"
	"sync"
)

// contentSecurityPolicy allows the page its own scripts, styles and API calls and nothing
// else: no inline script or style, no other origin, no framing.
const contentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
	"connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// securityHeaders sets the headers every response carries.
func securityHeaders(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", contentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "no-referrer")
		hd.Set("Cross-Origin-Opener-Policy", "same-origin")
		hd.Set("Cross-Origin-Resource-Policy", "same-origin")
		hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=()")
		h.ServeHTTP(w, r)
	})
}

// checkHost refuses, on a server bound to loopback, a Host header that names another
// machine: a page on another site whose name was made to resolve to 127.0.0.1 (DNS
// rebinding) would otherwise be same-origin with this server.
func (s *Server) checkHost(h http.Handler) http.Handler {
	if !s.opts.Loopback {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !loopbackHost(r.Host) {
			writeError(w, r, &httpError{status: http.StatusMisdirectedRequest, code: "host",
				msg: "scribe serve: this server answers only to localhost, 127.0.0.1 or [::1]"})
			return
		}
		h.ServeHTTP(w, r)
	})
}

func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// tokenCookie carries the token for the page once the user has signed in.
const tokenCookie = "scribe-token"

// authenticate requires the token, when one is set, on every request but the static assets
// and the sign-in form itself. A browser that opens the page without it gets the sign-in form.
func (s *Server) authenticate(h http.Handler) http.Handler {
	if s.opts.Token == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/assets/") || r.URL.Path == "/signin" || s.authorized(r) {
			h.ServeHTTP(w, r)
			return
		}
		if r.Method == http.MethodGet && r.URL.Path == "/" {
			s.signInPage(w, http.StatusUnauthorized, "")
			return
		}
		writeError(w, r, &httpError{status: http.StatusUnauthorized, code: "unauthorized",
			msg: "scribe serve: this server needs a token: send \"Authorization: Bearer TOKEN\""})
	})
}

func (s *Server) authorized(r *http.Request) bool {
	if auth := r.Header.Get("Authorization"); len(auth) > 7 && strings.EqualFold(auth[:7], "bearer ") {
		return s.tokenMatches(strings.TrimSpace(auth[7:]))
	}
	if c, err := r.Cookie(tokenCookie); err == nil {
		return s.tokenMatches(c.Value)
	}
	return false
}

func (s *Server) tokenMatches(got string) bool {
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) == 1
}

// signIn checks the token typed into the sign-in form and keeps it in a cookie the
// browser sends back to this origin only.
func (s *Server) signIn(w http.ResponseWriter, r *http.Request) {
	if s.opts.Token == "" {
		http.Redirect(w, r, "/", http.StatusSeeOther)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 4<<10)
	if err := r.ParseForm(); err != nil || !s.tokenMatches(r.PostForm.Get("token")) {
		s.signInPage(w, http.StatusUnauthorized, "That token is not the one this server was started with.")
		return
	}
	http.SetCookie(w, &http.Cookie{Name: tokenCookie, Value: s.opts.Token, Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

// signInTemplate is parsed on first use, not when any scribe command starts; read-only.
var signInTemplate = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("signin").Parse(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign in · scribe</title><link rel="stylesheet" href="/assets/app.css"></head>
<body class="signin"><main>
<h1>scribe</h1>
<form method="post" action="/signin">
<p><label for="token">Token (the content of the file given to <code>scribe serve --token</code>)</label></p>
<p><input id="token" name="token" type="password" autocomplete="current-password" required autofocus></p>
{{if .}}<p class="error" role="alert">{{.}}</p>{{end}}
<p><button type="submit">Sign in</button></p>
</form></main></body></html>
`))
})

func (s *Server) signInPage(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	signInTemplate().Execute(w, msg)
}
