package org.detente.effects;

import org.detente.geo.City;
/**
 * Casualties attributed to one city (its population spread by the density model).
 *
 * @param city          the city
 * @param deaths        prompt deaths (blast, burns, initial radiation)
 * @param injuries      prompt injuries among survivors
 * @param falloutDeaths fallout deaths among prompt survivors
 */
public record CityCasualties(City city, double deaths, double injuries, double falloutDeaths) {}
