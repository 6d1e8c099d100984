/** A small document for the inspector's unit tests. */
export const ORDERS = `workflow orders {
	trigger event "order.created"
	timeout "1h"
	steps {
		validate {
			activity "orders.validate"
			input {
				order_id: "workflow.input.order_id"
			}
		}
		charge {
			activity "payments.charge"
			input {
				amount: "steps.validate.output.total"
				to: "config.billing.account"
			}
			if "steps.validate.output.ok == true"
		}
		parallel {
			ship {
				activity "warehouse.ship"
			}
			notify {
				activity "mail.send"
				input {
					payment: "steps.charge.output.payment_id"
				}
			}
		}
	}
	retry {
		max_attempts 4
		initial_interval "10s"
		backoff_multiplier 2.0
	}
}

workflow refunds {
	trigger manual
	steps {
		refund {
			activity "payments.refund"
			input {
				region: "config.billing.region"
			}
		}
	}
}

job nightly {
	schedule "0 2 * * *"
	task "reports.nightly"
	queue "bulk"
}
`
