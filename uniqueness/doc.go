// Package uniqueness measures how alike the messages of a batch are: exact
// edit distance, similarity, and a batch report of near-duplicates.
package uniqueness
