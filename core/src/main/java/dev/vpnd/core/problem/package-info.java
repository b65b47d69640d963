/** Domain facts about why a request cannot be carried out; each dialect maps them onto its own error table. */
package dev.vpnd.core.problem;
