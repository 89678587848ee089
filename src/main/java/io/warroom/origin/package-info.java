/**
 * Where an incident came from: the chat message it was declared from with the "Declare incident"
 * message shortcut. Recording it queues, once, a line in the war room that links the message and
 * (unless the incident is private) a reply in the message's thread that links the war room.
 */
package io.warroom.origin;
