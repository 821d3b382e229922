// Package bitrix24 is a Bitrix24 application with one robot (an automation
// rule) that writes a personalized, varied, checked WhatsApp message for
// the CRM document it runs on, with package campaign, and returns it to
// the business process through bizproc.event.send.
//
// # Deployment
//
// Serve it with the CLI:
//
//	spinwise robot -addr 127.0.0.1:8080 -public https://robot.example.ru -db robot.db -templates ./templates \
//	    -client-id local.65f1c2... -client-secret ...
//
// behind a TLS-terminating proxy that forwards https://robot.example.ru to
// 127.0.0.1:8080 (Bitrix24 calls handlers over HTTPS). Then, in the portal
// (Applications → Developer resources → Other → Local application; or the
// partner area for a Marketplace application):
//
//   - Tick "Script only (no user interface)" ("uses only API"), and set
//     the Initial installation path to https://robot.example.ru/install: the
//     portal posts its installation callback (ONAPPINSTALL with auth[...]
//     and the application token) there. An application with an interface
//     works too: give the same URL as Initial installation path; the
//     install page's POST (AUTH_ID, REFRESH_ID, member_id, DOMAIN, PROTOCOL)
//     is answered with a page that calls BX24.installFinish(), and
//     ONAPPINSTALL follows at /event.
//   - Permissions (scope): bizproc. Nothing else is needed.
//   - Copy the application's client_id and client_secret into -client-id
//     and -client-secret (or $SPINWISE_CLIENT_SECRET): without them an
//     expired access token cannot be renewed.
//
// On installation the application saves the portal (by member_id),
// registers the robot with bizproc.robot.add (CODE from -code, HANDLER
// https://robot.example.ru/robot, USE_SUBSCRIPTION Y; bizproc.robot.update
// when it exists) and binds ONAPPINSTALL and ONAPPUNINSTALL to /event.
// ONAPPINSTALL brings the application token (auth[application_token]), the
// secret every robot call must carry; ONAPPUNINSTALL with it forgets the
// portal. The robot appears among the automation rules of deals, leads and
// other documents. When template files are added, changed or removed, the
// robot is registered again on every portal with the new list.
//
// # The robot
//
// Properties (PROPERTIES):
//
//   - template: a list ("select") of the templates: one file NAME.txt in
//     -templates each. The template's text stays on the server and never
//     travels through a property, so a document's values are never read as
//     template syntax: a client named {Анна|Мария} gets that text. Bitrix24
//     substitutes {=Document:...} values into a property's text before the
//     call, which is why a template in a property would not be safe.
//   - one string property for every field the templates read, named after
//     the field ("Имя") with a Latin code (PropertyCode: "Imya_8c1e2f"). In
//     the robot's settings the CRM user fills it with a document field,
//     {=Document:NAME}. Any other property the robot is given (by
//     bizproc.robot.update, say) is data too, under its code; a Multiple
//     property (properties[x][0], [1], ...) is a list, which a template
//     prints as its items joined by ", "; a user property arrives as the
//     portal writes users, "user_1".
//
// Additional results (RETURN_PROPERTIES): text (the whole message), chunks
// (Multiple: the short messages to send, in order), variant (the spintax
// variant, in decimal) and error (empty on success; otherwise the reason:
// an unknown template, a missing field, a bad link, ...). Every answer also
// writes a LOG_MESSAGE to the business process log, so a failure is seen
// where the CRM user looks.
//
// # A robot call
//
// The portal POSTs the call (form-encoded, PHP-style nested keys:
// document_id[2], properties[...], auth[...]). The handler answers at
// once: 403 for an unknown portal or an auth[application_token] other than
// the one saved from ONAPPINSTALL (nothing is sent then), 200 "duplicate"
// for an event_token it has already taken (the portal may call twice), 503
// when its queue is full (the portal tries again), else 200 "accepted". A
// bounded pool of workers then renders the message — the variant chosen by
// the document id, document_id[2], so a deal always gets the same wording
// — checks its links, splits it, and calls bizproc.event.send at the
// portal's saved address with the call's access token. An expired_token
// answer is cured once: the token is renewed at the OAuth endpoint
// (grant_type=refresh_token with the client id and secret), the new pair
// is saved, and the call is repeated. An answer that cannot be delivered
// is logged on the server and its event token forgotten, so that the
// portal's repeated call is served.
//
// # Safety and bounds
//
// Bodies are capped at MaxBody bytes and forms at MaxFormFields pairs and
// MaxFormDepth levels. Templates are parsed once at start and again only
// when their file changes (Templates.Reload, every -reload), at most
// DefaultMaxTemplateSize bytes each; a robot call reads the parsed set with
// one atomic load and never waits for a parse. The application only calls
// the address saved at installation, never one a robot call or an event
// names, and an installation cannot move a known portal to another
// address. A new application token is accepted only with an access token
// the portal itself accepts (app.info at the saved address). Event tokens
// are remembered for EventRetention (a week by default). The SQLite file
// holds OAuth tokens: it is created readable by its owner only; keep it so.
package bitrix24
