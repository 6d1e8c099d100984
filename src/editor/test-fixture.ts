/** A small file with a schedule, durations and step references, shared by the editor's tests. */
export const FILE = `workflow report {
	trigger schedule "0 6 * * *"
	timeout "1h30m"
	steps {
		fetch {
			activity "sales.fetch"
		}
		parallel {
			upload {
				activity "storage.upload"
				input {
					data: "steps.fetch.output.pdf"
				}
			}
			mail {
				activity "mail.send"
			}
		}
		finish {
			activity "x.finish"
			if "steps.upload.output.ok == true"
		}
	}
	retry {
		initial_interval "10s"
	}
}

job nightly {
	schedule "TZ=Europe/Berlin 30 2 * * SUN"
	task "db.backup"
}
`
