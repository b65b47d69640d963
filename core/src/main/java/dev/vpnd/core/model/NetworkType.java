package dev.vpnd.core.model;

/**
 * Which network a gateway's address faces: the internet ({@link #PUBLIC}), or only private
 * networks such as leased lines ({@link #PRIVATE}). Every cloud's gateway faces one of the two.
 */
public enum NetworkType {
    PUBLIC, PRIVATE
}
