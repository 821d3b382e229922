// Package campaign is the batch pipeline: from one template and many
// recipients to checked, distinct, short messages and a batch report.
package campaign
