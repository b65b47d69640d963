/** Assembly of one vpnd process: storage, services, and a listener per dialect. */
package dev.vpnd.server;
