// Package git reads files at a revision of the git repository the working directory is in,
// through the git program (no git library): the maps `journey diff` compares with their
// versions in the working tree.
//
// It runs a fixed, small number of git processes whatever the number of files: one to find
// the repository, one to check the revision, one to list the files at the revision, one to
// list those in the working tree, and one `git cat-file --batch` that reads every old file.
package git
