// Setters for ha.cf option-list directives; see ha_cf_options.cpp.
#pragma once

#include "ha_cf_state.hpp"

namespace hakit::resolve {

using grammar::ha_cf_directive;
using grammar::token;

void set_keepalive(ha_cf_state&, const ha_cf_directive&, const token&);
void set_deadtime(ha_cf_state&, const ha_cf_directive&, const token&);
void set_warntime(ha_cf_state&, const ha_cf_directive&, const token&);
void set_initdead(ha_cf_state&, const ha_cf_directive&, const token&);
void set_deadping(ha_cf_state&, const ha_cf_directive&, const token&);
void set_positive_time_option(ha_cf_state&, const ha_cf_directive&, const token&);
void set_node(ha_cf_state&, const ha_cf_directive&, const token&);
void set_cluster(ha_cf_state&, const ha_cf_directive&, const token&);
void set_udpport(ha_cf_state&, const ha_cf_directive&, const token&);
void set_baud(ha_cf_state&, const ha_cf_directive&, const token&);
void set_hopfudge(ha_cf_state&, const ha_cf_directive&, const token&);
void set_debug(ha_cf_state&, const ha_cf_directive&, const token&);
void set_rtprio(ha_cf_state&, const ha_cf_directive&, const token&);
void set_positive_integer(ha_cf_state&, const ha_cf_directive&, const token&);
void set_boolean_option(ha_cf_state&, const ha_cf_directive&, const token&);
void set_use_logd(ha_cf_state&, const ha_cf_directive&, const token&);
void set_logfacility(ha_cf_state&, const ha_cf_directive&, const token&);
void set_logfile(ha_cf_state&, const ha_cf_directive&, const token&);
void set_debugfile(ha_cf_state&, const ha_cf_directive&, const token&);
void set_watchdog(ha_cf_state&, const ha_cf_directive&, const token&);
void set_auto_failback(ha_cf_state&, const ha_cf_directive&, const token&);
void set_nice_failback(ha_cf_state&, const ha_cf_directive&, const token&);
void set_hbgenmethod(ha_cf_state&, const ha_cf_directive&, const token&);
void set_msgfmt(ha_cf_state&, const ha_cf_directive&, const token&);
void set_uuidfrom(ha_cf_state&, const ha_cf_directive&, const token&);
void set_compression(ha_cf_state&, const ha_cf_directive&, const token&);
void set_autojoin(ha_cf_state&, const ha_cf_directive&, const token&);
void set_pacemaker(ha_cf_state&, const ha_cf_directive&, const token&);
void set_crmd_spawns_pengine(ha_cf_state&, const ha_cf_directive&, const token&);
void set_crm_daemon_dir(ha_cf_state&, const ha_cf_directive&, const token&);
void set_env(ha_cf_state&, const ha_cf_directive&, const token&);
void set_text_option(ha_cf_state&, const ha_cf_directive&, const token&);

} // namespace hakit::resolve
